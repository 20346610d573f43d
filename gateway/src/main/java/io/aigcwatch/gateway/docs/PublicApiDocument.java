package io.aigcwatch.gateway.docs;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/**
 * The head of the OpenAPI document served at {@code /api/openapi.yml}. The paths come from the gateway's own
 * controllers and from {@code src/main/openapi/public-api.yml}, which describes the routes the proxy forwards.
 */
@OpenAPIDefinition(info = @Info(
        title = "aigcwatch",
        version = "0.1",
        description = "The public API of aigcwatch: funding rounds, valuations, unicorns and market projections of "
                + "the generative-AI industry, behind one gateway."))
final class PublicApiDocument {
    private PublicApiDocument() {
    }
}
