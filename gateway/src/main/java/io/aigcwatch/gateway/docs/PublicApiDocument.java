package io.aigcwatch.gateway.docs;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.servers.Server;
import io.swagger.v3.oas.annotations.servers.ServerVariable;

/**
 * The head of the OpenAPI document served at {@code /api/openapi.yml}. The paths come from the gateway's own
 * controllers and from {@code src/main/openapi/public-api.yml}, which describes the routes the proxy forwards.
 */
@OpenAPIDefinition(info = @Info(
        title = "aigcwatch",
        version = "0.1",
        description = "The public API of aigcwatch: funding rounds, valuations, unicorns and market projections of "
                + "the generative-AI industry, behind one gateway."),
        // The paths carry /api, so a server is the gateway's root: the one that served this document wherever it
        // runs, and the local stack for a client generated from a saved copy.
        servers = {
            @Server(url = "/", description = "The gateway that served this document"),
            @Server(url = "http://localhost:{port}", description = "The local stack (./aigcwatch up)",
                    variables = @ServerVariable(name = "port", defaultValue = "8080",
                            description = "AIGCWATCH_GATEWAY_PORT"))
        })
final class PublicApiDocument {
    private PublicApiDocument() {
    }
}
