package io.aigcwatch.notification.support;

import io.aigcwatch.kit.caller.CallerHeaders;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code /webhooks} of a notification-service, called as a given caller, named in the headers the gateway sets. A
 * caller is written {@code name;scope}, such as {@code alice;read}; each stands for its own API key, so each is its
 * own owner, as real keys are. Every caller reads too: an admin also reads the webhooks it manages.
 */
public final class WebhookApi {
    private final NotificationService service;
    private final JsonMapper json;

    public WebhookApi(NotificationService service) {
        this.service = service;
        this.json = service.context().getBean(JsonMapper.class);
    }

    public HttpResponse<String> post(String caller, String path, String body) {
        return service.send(as(caller, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> get(String caller, String path) {
        return service.send(as(caller, path).GET().build());
    }

    public HttpResponse<String> delete(String caller, String path) {
        return service.send(as(caller, path).DELETE().build());
    }

    /** Registers a webhook and returns what the 201 said. */
    public Map<String, Object> register(String caller, String body) {
        HttpResponse<String> response = post(caller, "/webhooks", body);
        assertEquals(201, response.statusCode(), response::body);
        return map(response);
    }

    public Map<String, Object> webhook(String caller, Object id) {
        HttpResponse<String> response = get(caller, "/webhooks/" + id);
        assertEquals(200, response.statusCode(), response::body);
        return map(response);
    }

    /** The newest page of a webhook's delivery log. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> deliveries(String caller, Object id) {
        HttpResponse<String> response = get(caller, "/webhooks/" + id + "/deliveries");
        assertEquals(200, response.statusCode(), response::body);
        return (List<Map<String, Object>>) map(response).get("items");
    }

    public Map<String, Object> map(HttpResponse<String> response) {
        try {
            return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param caller null for a request on which the gateway named no caller */
    private HttpRequest.Builder as(String caller, String path) {
        HttpRequest.Builder request = service.request(path);
        return caller == null ? request : request.header(CallerHeaders.KEY, ownerOf(caller))
                .header(CallerHeaders.SCOPES, CallerHeaders.scopes(scopesOf(caller)));
    }

    /** The owner a caller's webhooks are stored under: the key id the gateway names. */
    public static String ownerOf(String caller) {
        return "key-" + caller.substring(0, caller.indexOf(';'));
    }

    private static List<String> scopesOf(String caller) {
        String scope = caller.substring(caller.indexOf(';') + 1).toLowerCase(Locale.ROOT);
        return Stream.of("read", scope).distinct().toList();
    }
}
