package io.aigcwatch.contract.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigcwatch.testkit.stack.LocalStackExtension;
import io.aigcwatch.testkit.stack.LocalStackRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real stack as `aigcwatch up` leaves it: the report's taxonomy served through the gateway and enforced, the seed
 * loaded with its tags and the companies' own names, and its rounds, known only as on or before 2023-02-15, counted
 * beside the quarterly series rather than in 2023-Q1.
 */
@ExtendWith(LocalStackExtension.class)
class SeedOnStackTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theTaxonomyIsServedThroughTheGatewayAndARoundWithAnotherSegmentIsRefused(LocalStackRun stack) throws Exception {
        JsonNode taxonomy = get(stack, "/api/taxonomy");
        List<String> layers = new ArrayList<>();
        taxonomy.path("layers").forEach(layer -> layers.add(layer.path("code").asText()));
        assertEquals(List.of("INFRASTRUCTURE", "MODEL", "APPLICATION"), layers);

        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(stack.gateway().resolve("/api/funding-events"))
                .header("X-API-Key", stack.adminKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"company": {"name": "Seed Stack Bad Segment", "country": "CN", "layer": "MODEL",
                                     "segments": ["BLOCKCHAIN"]},
                         "round": "SEED", "amount": {"value": "1000000", "currency": "USD"},
                         "announcedOn": "2024-01-10"}""")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals("company.segments[0]", json.readTree(refused.body()).path("errors").path(0).path("field").asText());
    }

    @Test
    void theSeedLoadsWithItsTagsItsNamesAndRoundsNoQuarterClaims(LocalStackRun stack) throws Exception {
        JsonNode zhipu = get(stack, "/api/funding-events?company=" + URLEncoder.encode("智谱AI", StandardCharsets.UTF_8))
                .path("items").path(0);
        assertEquals("Zhipu AI", zhipu.path("company").path("name").asText(), zhipu.toString());
        assertEquals("BEFORE", zhipu.path("announcedPrecision").asText(), zhipu.toString());
        assertEquals("2023-02-15", zhipu.path("announcedOn").asText());
        JsonNode chaocanshu = get(stack, "/api/funding-events?company="
                + URLEncoder.encode("超参数科技", StandardCharsets.UTF_8)).path("items").path(0);
        assertEquals("Chaocanshu Keji", chaocanshu.path("company").path("name").asText(), chaocanshu.toString());

        HttpResponse<String> companies = client.send(HttpRequest.newBuilder(stack.gateway().resolve("/api/companies"))
                .header("X-API-Key", stack.readKey()).header("Accept", "application/x-ndjson").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, companies.statusCode());
        JsonNode stability = companies.body().lines().map(this::read)
                .filter(company -> company.path("name").asText().equals("Stability AI")).findFirst().orElseThrow();
        assertEquals("[\"OPEN_SOURCE_MODEL\",\"IMAGE\"]", stability.path("segments").toString());

        JsonNode funding = get(stack, "/api/stats").path("funding");
        assertTrue(funding.path("unplacedRounds").asLong() >= 9, funding.toString());
        funding.path("byQuarter").forEach(bucket -> assertTrue(bucket.path("key").asText().matches("\\d{4}-Q[1-4]"),
                bucket.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                get(stack, "/api/market/shares?by=quarter").path("unplacedRounds").asLong() >= 9);
    }

    private JsonNode read(String line) {
        try {
            return json.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode get(LocalStackRun stack, String path) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(stack.gateway().resolve(path))
                .header("X-API-Key", stack.readKey()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return json.readTree(response.body());
    }
}
