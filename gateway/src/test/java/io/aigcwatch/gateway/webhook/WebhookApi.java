package io.aigcwatch.gateway.webhook;

import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code /api/webhooks} of a gateway, called as a given caller. A caller is written {@code name;scope}, such as
 * {@code alice;read}; each has its own API key, so each is its own owner, as real keys are.
 */
final class WebhookApi {
    private final Gateway gateway;
    private final JsonMapper json;

    WebhookApi(Gateway gateway) {
        this.gateway = gateway;
        this.json = gateway.context().getBean(JsonMapper.class);
    }

    /** The callers the tests use; ops manages everyone's webhooks. */
    private static final List<String> CALLERS = List.of("alice;read", "bob;read", "ops;admin", "busy;read");

    /** A gateway on the test class's own database and topics, with a key for each of {@link #CALLERS}. */
    static Gateway startGateway(TestInfra infra, Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(infra.serviceProperties());
        properties.put(Gateway.API_KEYS, CALLERS.stream()
                .map(caller -> keyOf(caller) + "=" + String.join("+", scopesOf(caller)))
                .collect(Collectors.joining(",")));
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

    /** @param caller null for a request without a key */
    private HttpRequest.Builder as(String caller, String path) {
        return caller == null ? gateway.request(path) : gateway.request(path, keyOf(caller));
    }

    /** The owner a caller's webhooks are stored under: its key's non-secret id, never the key. */
    static String ownerOf(String caller) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(keyOf(caller).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "key-" + java.util.HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keyOf(String caller) {
        return "test-webhooks-" + caller.replaceAll("[^a-z]", "-") + "-key";
    }

    /** Reading comes with every caller: an admin also reads the webhooks it manages. */
    private static List<String> scopesOf(String caller) {
        String scope = caller.substring(caller.indexOf(';') + 1).toLowerCase(Locale.ROOT);
        return Stream.of("read", scope).distinct().toList();
    }
}
