package io.aigcwatch.funding;

import io.aigcwatch.testkit.TestCredential;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** A plain HTTP client, as a user's would be: no Micronaut client exceptions between the test and the response. */
public final class Http {
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;
    private final JsonMapper json;

    public Http(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    public HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = TestCredential.on(HttpRequest.newBuilder(base.resolve(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String body) {
        try {
            return json.readValue(body, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Object at(Map<String, Object> document, String path) {
        Object current = document;
        for (String part : path.split("\\.")) {
            if (current instanceof List<?> list) {
                current = list.get(Integer.parseInt(part));
            } else {
                current = ((Map<String, Object>) current).get(part);
            }
        }
        return current;
    }
}
