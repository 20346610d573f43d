package io.aigcwatch.valuation;

import io.aigcwatch.testkit.TestCredential;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The service's HTTP API as a plain client sees it. */
final class Api {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final JsonMapper json;

    Api(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    HttpResponse<String> post(String path, String body) {
        return send(TestCredential.on(HttpRequest.newBuilder(base.resolve(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** GET that must answer 200, as a JSON object. */
    Map<String, Object> get(String path) {
        HttpResponse<String> response = getResponse(path);
        assertEquals(200, response.statusCode(), response.body());
        return map(response.body());
    }

    HttpResponse<String> getResponse(String path) {
        return send(TestCredential.on(HttpRequest.newBuilder(base.resolve(path))).build());
    }

    HttpResponse<String> getResponse(String path, String accept) {
        return send(TestCredential.on(HttpRequest.newBuilder(base.resolve(path))).header("Accept", accept).build());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(String body) {
        try {
            return json.readValue(body, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
