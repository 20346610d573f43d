package io.aigcwatch.stack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Posts a round through the gateway as a careful client does: with an Idempotency-Key, and on a connection error, a
 * timeout, 408, 429, 5xx or a key still in flight (409), again with the same key and body after a growing pause (or
 * the server's Retry-After), until it is acknowledged or the client gives up.
 */
final class RoundClient {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final long MAX_BACKOFF_MILLIS = 4_000;

    private final HttpClient http;
    private final URI rounds;
    private final String apiKey;
    private final Duration giveUp;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, LongAdder> retries = new ConcurrentHashMap<>();

    /**
     * What became of one round.
     *
     * @param id        the id the service answered with; null when it never acknowledged the round
     * @param companyId the id of the company the round registered, from the same answer
     * @param answeredAt {@link System#nanoTime()} of the acknowledgement or of the last failure
     */
    record Posted(Round round, UUID id, UUID companyId, int attempts, long answeredAt, String failure) {
        boolean acknowledged() {
            return id != null;
        }
    }

    RoundClient(HttpClient http, URI gateway, String apiKey, Duration giveUp) {
        this.http = http;
        this.rounds = gateway.resolve("/api/funding-events");
        this.apiKey = apiKey;
        this.giveUp = giveUp;
    }

    Posted post(Round round) throws InterruptedException {
        long deadline = System.nanoTime() + giveUp.toNanos();
        HttpRequest request = HttpRequest.newBuilder(rounds).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("X-API-Key", apiKey)
                .header("Idempotency-Key", round.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(round.json())).build();
        String last = "no answer";
        for (int attempt = 1; ; attempt++) {
            long waitMillis = backoff(attempt);
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    JsonNode body = json.readTree(response.body());
                    return new Posted(round, UUID.fromString(body.path("id").asText()),
                            UUID.fromString(body.path("company").path("id").asText()), attempt, System.nanoTime(),
                            null);
                }
                last = "HTTP " + status + " " + response.body();
                if (!worthRetrying(status, response.body())) {
                    return new Posted(round, null, null, attempt, System.nanoTime(), last);
                }
                count(status == 409 ? "409 key in flight" : "HTTP " + status);
                waitMillis = retryAfter(response).orElse(waitMillis);
            } catch (HttpTimeoutException e) {
                count("timeout");
                last = "timeout";
            } catch (IOException e) {
                count("connection failed");
                last = e.toString();
            }
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis) > deadline) {
                return new Posted(round, null, null, attempt, System.nanoTime(),
                        "gave up after " + giveUp.toSeconds() + " s: " + last);
            }
            TimeUnit.MILLISECONDS.sleep(waitMillis);
        }
    }

    /** Retries by cause, sorted, such as {@code connection failed=312}. */
    Map<String, Long> retries() {
        Map<String, Long> sorted = new TreeMap<>();
        retries.forEach((cause, count) -> sorted.put(cause, count.sum()));
        return sorted;
    }

    private void count(String cause) {
        retries.computeIfAbsent(cause, ignored -> new LongAdder()).increment();
    }

    /** A 409 is retried only while the first request with the key is in flight; a duplicate round is final. */
    private static boolean worthRetrying(int status, String body) {
        return status == 408 || status == 429 || status >= 500
                || status == 409 && body.contains("idempotency-key-in-flight");
    }

    /** 250 ms doubling to 4 s, with jitter so that a crowd of clients does not come back in step. */
    private static long backoff(int attempt) {
        long base = Math.min(MAX_BACKOFF_MILLIS, 250L << Math.min(attempt - 1, 5));
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    private static Optional<Long> retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Math.max(100, Math.min(MAX_BACKOFF_MILLIS, Long.parseLong(value.trim()) * 1000)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
