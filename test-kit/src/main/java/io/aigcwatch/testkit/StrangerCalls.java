package io.aigcwatch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a service answers someone who reached its port without going through the gateway. A plain JDK client, so
 * that nothing a test framework adds to requests (a client filter) could hand it the credential.
 */
public final class StrangerCalls {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private StrangerCalls() {
    }

    /**
     * A request to {@code path} without the credential, and one with a wrong one, are both refused with 403
     * problem+json, while {@code /health} still answers without it.
     *
     * @param body a JSON body for a write, or null
     */
    public static void assertRefused(URI service, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        assertProblem403(send(request.copy().build()), "no credential");
        assertProblem403(send(request.copy().header(TestCredential.HEADER, TestCredential.VALUE + "x").build()),
                "a wrong credential");
        HttpResponse<String> health = send(HttpRequest.newBuilder(service.resolve("/health")).GET().build());
        assertEquals(200, health.statusCode(), () -> "/health without the credential: " + health.body());
    }

    private static void assertProblem403(HttpResponse<String> response, String what) {
        assertEquals(403, response.statusCode(), () -> "with " + what + ": " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""),
                () -> "with " + what);
        assertTrue(response.body().contains("internal-credential-required"), () -> "with " + what + ": " + response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
