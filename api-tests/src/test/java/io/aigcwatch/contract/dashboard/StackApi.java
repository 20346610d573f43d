package io.aigcwatch.contract.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aigcwatch.testkit.stack.LocalStackRun;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.StreamSupport;

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
        ObjectNode body = json.createObjectNode();
        body.putObject("company").put("name", company).put("country", "CN").put("layer", "MODEL");
        body.put("round", "SERIES_A");
        body.putObject("amount").put("value", "300000000").put("currency", "USD");
        body.putObject("postMoneyValuation").put("value", "2000000000").put("currency", "USD");
        body.put("announcedOn", "2024-05-01");
        body.put("source", "browser test");
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(stack.gateway().resolve("/api/funding-events"))
                .header("X-API-Key", stack.adminKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response::body);
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
