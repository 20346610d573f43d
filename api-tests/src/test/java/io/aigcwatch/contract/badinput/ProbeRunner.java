package io.aigcwatch.contract.badinput;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends a probe and reads what comes back, within a deadline for the headers and another for the body. */
final class ProbeRunner {
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int EXCERPT = 200;
    private static final String EVENT_STREAM = "text/event-stream";
    private static final String NO_ANSWER = "no answer: ";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
    private final URI gateway;
    private final String key;

    ProbeRunner(URI gateway, String key) {
        this.gateway = gateway;
        this.key = key;
    }

    /** @throws IllegalArgumentException when the JDK's client will not send it (a header it refuses) */
    HttpRequest request(Probe probe) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + probe.target()))
                .timeout(TIMEOUT)
                .method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        probe.headers().forEach(request::header);
        if (probe.keyed()) {
            request.header("X-API-Key", key);
        }
        return request.build();
    }

    /**
     * One retry when the connection broke before any answer: after refusing an overlong request line the server
     * closes its side, and the JDK's client can hand the next request that stale pooled connection. It retries
     * only GETs itself. A second break is the server's.
     */
    Outcome send(Probe probe, HttpRequest request) {
        Outcome outcome = sendOnce(probe, request);
        return outcome.failure() != null && outcome.failure().startsWith(NO_ANSWER) ? sendOnce(probe, request)
                : outcome;
    }

    private Outcome sendOnce(Probe probe, HttpRequest request) {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream body = response.body()) {
                // a stream that was let in is a success; it would never end
                String excerpt = contentType.startsWith(EVENT_STREAM) ? "" : excerpt(body);
                return new Outcome(probe, response.statusCode(), contentType, excerpt, null);
            }
        } catch (HttpTimeoutException | TimeoutException e) {
            return new Outcome(probe, 0, "", "", "timeout after " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            return new Outcome(probe, 0, "", "", NO_ANSWER + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String excerpt(InputStream body) throws IOException, TimeoutException, InterruptedException {
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try {
                return body.readNBytes(64 * 1024);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            String text = new String(read.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8)
                    .replaceAll("\\s+", " ");
            return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "..." : text;
        } catch (ExecutionException e) {
            throw new IOException("reading the body", e.getCause());
        }
    }
}
