package io.aigcwatch.stack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reads the suite's public API through the gateway, and retries what a fault can interrupt (a connection error, a
 * timeout, 429, 5xx) for a while: the checks must see the services' answers, not a moment of the faults.
 */
final class GatewayApi {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    private final HttpClient http;
    private final URI gateway;
    private final String apiKey;
    private final ObjectMapper json = new ObjectMapper();

    GatewayApi(HttpClient http, URI gateway, String apiKey) {
        this.http = http;
        this.gateway = gateway;
        this.apiKey = apiKey;
    }

    /** @return empty on 404 */
    Optional<JsonNode> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    JsonNode post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build())
                .orElseThrow(() -> new IllegalStateException("POST " + path + " answered 404"));
    }

    /** Whether {@code GET /health} of a service answers 200 now, without retrying. */
    boolean healthy(URI service) {
        try {
            return http.send(HttpRequest.newBuilder(service.resolve("/health")).timeout(Duration.ofSeconds(2)).GET()
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(gateway.resolve(pathAndQuery)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").header("X-API-Key", apiKey);
    }

    private Optional<JsonNode> send(HttpRequest request) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 404) {
                    return Optional.empty();
                }
                if (status / 100 == 2) {
                    return Optional.of(json.readTree(response.body()));
                }
                last = "HTTP " + status + " " + response.body();
                if (status != 429 && status < 500) {
                    break;
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new UncheckedIOException(new IOException(request.method() + " " + request.uri() + ": " + last));
    }
}
