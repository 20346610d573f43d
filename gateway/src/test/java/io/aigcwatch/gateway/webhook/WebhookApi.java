package io.aigcwatch.gateway.webhook;

import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.TestCallers;
import io.aigcwatch.infra.TestInfra;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code /api/webhooks} of a gateway, called as a given caller (see {@link TestCallers}). */
final class WebhookApi {
    private final Gateway gateway;
    private final JsonMapper json;

    WebhookApi(Gateway gateway) {
        this.gateway = gateway;
        this.json = gateway.context().getBean(JsonMapper.class);
    }

    /** A gateway on the test class's own database and topics, whose callers tests name with a header. */
    static Gateway startGateway(TestInfra infra, Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(infra.serviceProperties());
        properties.putAll(TestCallers.enabled());
        properties.put("aigcwatch.gateway.webhooks.dispatch-interval", "50ms");
        properties.putAll(more);
        return Gateway.start(Map.of(), properties);
    }

    HttpResponse<String> post(String caller, String path, String body) {
        return gateway.send(as(caller, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> get(String caller, String path) {
        return gateway.send(as(caller, path).GET().build());
    }

    HttpResponse<String> delete(String caller, String path) {
        return gateway.send(as(caller, path).DELETE().build());
    }

    /** Registers a webhook and returns what the 201 said. */
    Map<String, Object> register(String caller, String body) {
        HttpResponse<String> response = post(caller, "/api/webhooks", body);
        assertEquals(201, response.statusCode(), response::body);
        return map(response);
    }

    Map<String, Object> webhook(String caller, Object id) {
        HttpResponse<String> response = get(caller, "/api/webhooks/" + id);
        assertEquals(200, response.statusCode(), response::body);
        return map(response);
    }

    /** The newest page of a webhook's delivery log. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> deliveries(String caller, Object id) {
        HttpResponse<String> response = get(caller, "/api/webhooks/" + id + "/deliveries");
        assertEquals(200, response.statusCode(), response::body);
        return (List<Map<String, Object>>) map(response).get("items");
    }

    Map<String, Object> map(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder as(String caller, String path) {
        HttpRequest.Builder builder = gateway.request(path);
        return caller == null ? builder : builder.header(TestCallers.HEADER, caller);
    }
}
