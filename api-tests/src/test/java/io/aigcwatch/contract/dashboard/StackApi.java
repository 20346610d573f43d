package io.aigcwatch.contract.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigcwatch.testkit.stack.LocalStackRun;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The public API beside the browser: what the page must show is read from here, never written into a test. */
final class StackApi {
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final LocalStackRun stack;

    StackApi(LocalStackRun stack) {
        this.stack = stack;
    }

    JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(stack.gateway().resolve(pathAndQuery))
                .header("X-API-Key", stack.readKey()).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), () -> pathAndQuery + ": " + response.body());
        return json.readTree(response.body());
    }

    /**
     * Records a Series A of USD 300M for a new company at a USD 2B post-money valuation: a new unicorn, so its
     * valuation change reaches the stream and moves the overview's rounds, unicorn count and leaderboard.
     */
    void recordUnicornRound(String company) throws IOException, InterruptedException {
        ObjectNode body = round(company, "MODEL", "SERIES_A", new BigDecimal("300000000"), LocalDate.of(2024, 5, 1));
        body.putObject("postMoneyValuation").put("value", "2000000000").put("currency", "USD");
        record(body);
    }

    /** Records a round of {@code usd} for a new company in {@code layer}, announced on {@code on}. */
    void recordRound(String company, String layer, BigDecimal usd, LocalDate on) throws IOException,
            InterruptedException {
        record(round(company, layer, "SERIES_C", usd, on));
    }

    private ObjectNode round(String company, String layer, String type, BigDecimal usd, LocalDate on) {
        ObjectNode body = json.createObjectNode();
        body.putObject("company").put("name", company).put("country", "CN").put("layer", layer);
        body.put("round", type);
        body.putObject("amount").put("value", usd.toPlainString()).put("currency", "USD");
        body.put("announcedOn", on.toString());
        body.put("source", "browser test");
        return body;
    }

    private void record(ObjectNode body) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(stack.gateway().resolve("/api/funding-events"))
                .header("X-API-Key", stack.adminKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response::body);
    }

    /**
     * {@code POST /api/imports} of a CSV file, streamed from disk, then its job polled until it ends.
     *
     * @return the job as {@code GET /api/imports/{id}} answers it last: DONE, or the test fails
     */
    JsonNode importCsv(Path file) throws IOException, InterruptedException {
        HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(stack.gateway().resolve("/api/imports"))
                .header("X-API-Key", stack.adminKey()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, accepted.statusCode(), accepted::body);
        String job = accepted.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "202 without a Location: " + accepted.body()));
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await("import " + job).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            last.set(get(job));
            return Set.of("DONE", "FAILED").contains(last.get().path("state").asText());
        });
        assertEquals("DONE", last.get().path("state").asText(), last.get()::toString);
        return last.get();
    }

    /**
     * A seed round of USD 1M announced on a known day, in its own quarter, unless one is there already: the seed's own
     * rounds are known only as "on or before 2023-02-15", which no quarter holds, so without it a stack holding only
     * the seed offers no period to filter by.
     */
    void ensureARoundInAQuarter() throws IOException, InterruptedException {
        if (get("/api/stats").path("funding").path("byQuarter").size() > 0) {
            return;
        }
        ObjectNode body = json.createObjectNode();
        body.putObject("company").put("name", "Browser Dated Co").put("country", "US").put("layer", "APPLICATION");
        body.put("round", "SEED");
        body.putObject("amount").put("value", "1000000").put("currency", "USD");
        body.put("announcedOn", "2024-03-12");
        body.put("source", "browser test");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(stack.gateway().resolve("/api/funding-events"))
                .header("X-API-Key", stack.adminKey()).header("Content-Type", "application/json")
                .header("Idempotency-Key", "browser-dated-round")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 201 || response.statusCode() == 409, response::body);
    }

    /** The CloudEvent id of the valuation change of {@code company} committed since {@code since}, once there is one. */
    Optional<String> changeEventId(String company, Instant since) throws IOException, InterruptedException {
        JsonNode page = get("/api/valuation-changes?limit=500&since=" + URLEncoder.encode(since.toString(),
                StandardCharsets.UTF_8));
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(event -> company.equals(event.path("data").path("companyName").asText()))
                .map(event -> event.path("id").asText())
                .findFirst();
    }

    URI gateway() {
        return stack.gateway();
    }
}
