package io.aigcwatch.stack.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One {@code POST /api/imports} of a file, streamed from disk as the contract says, then its job polled until it is
 * DONE or FAILED.
 *
 * @param seconds from the first byte of the upload to the job being DONE, as a user waits
 * @param job     the final job, as {@code GET /api/imports/{id}} answers it
 */
record ImportRun(double seconds, JsonNode job) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(250);

    /**
     * @param imports {@code /api/imports} at the gateway, or {@code /imports} at funding-service itself
     * @param header  the header that lets the caller in: an API key at the gateway, the internal credential behind it
     */
    static ImportRun of(HttpClient http, URI imports, Map.Entry<String, String> header, Path file, String mediaType)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(imports)
                .header(header.getKey(), header.getValue()).header("Content-Type", mediaType)
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("POST " + imports + " answered " + accepted.statusCode() + ": "
                    + accepted.body());
        }
        URI job = imports.resolve(accepted.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("202 without a Location: " + accepted.body())));
        AtomicReference<JsonNode> last = new AtomicReference<>();
        // polled as the CLI's progress bar polls, at a fixed pace; the job itself is the clock
        Awaitility.await("import job " + job).atMost(Duration.ofHours(2)).pollInterval(POLL).until(() -> {
            HttpResponse<String> polled = http.send(HttpRequest.newBuilder(job).header(header.getKey(), header.getValue())
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (polled.statusCode() != 200) {
                throw new IllegalStateException("GET " + job + " answered " + polled.statusCode() + ": "
                        + polled.body());
            }
            last.set(JSON.readTree(polled.body()));
            String state = last.get().path("state").asText();
            return "DONE".equals(state) || "FAILED".equals(state);
        });
        return new ImportRun((System.nanoTime() - started) / 1e9, last.get());
    }

    long rows(String field) {
        return job.path(field).asLong();
    }

    String state() {
        return job.path("state").asText();
    }
}
