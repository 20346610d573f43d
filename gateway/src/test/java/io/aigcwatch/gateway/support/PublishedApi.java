package io.aigcwatch.gateway.support;

import org.yaml.snakeyaml.Yaml;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The OpenAPI document as a client fetches it from a running gateway: no key, parsed as YAML. */
public final class PublishedApi {
    public static final String DOCUMENT = "/api/openapi.yml";

    private PublishedApi() {
    }

    /** @return the document's {@code paths}: each path template to its operations by lower-case method */
    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, Object>> paths(Gateway gateway) {
        HttpResponse<String> response = gateway.get(DOCUMENT);
        assertEquals(200, response.statusCode(), response::body);
        Map<String, Object> document = new Yaml().load(response.body());
        return (Map<String, Map<String, Object>>) document.get("paths");
    }
}
