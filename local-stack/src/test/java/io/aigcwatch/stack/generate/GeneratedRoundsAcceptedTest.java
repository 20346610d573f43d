package io.aigcwatch.stack.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigcwatch.stack.StackProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A generated data set against the real suite (the launcher with every service jar, embedded PostgreSQL and Kafka,
 * in a fresh home). The rounds of its first half of companies are POSTed one by one: funding-service records every
 * one, whatever its validation, rate table and 30-day duplicate rule say. The other half goes through
 * {@code POST /api/imports} as CSV, where no row is refused, then as NDJSON, where every row is the one already
 * recorded: the two formats say the same.
 */
class GeneratedRoundsAcceptedTest {
    private static final int ROUNDS = 600;
    private static final int COMPANIES = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void funding_service_records_every_generated_round_posted_or_imported(@TempDir Path dir) throws Exception {
        StringWriter posted = new StringWriter();
        StringWriter csv = new StringWriter();
        StringWriter ndjson = new StringWriter();
        try (RoundSink post = GenerateCommand.sink("ndjson", posted);
             RoundSink csvImport = GenerateCommand.sink("csv", csv);
             RoundSink ndjsonImport = GenerateCommand.sink("ndjson", ndjson)) {
            List<String> companies = new ArrayList<>();
            new SyntheticRounds(new SyntheticRounds.Settings(ROUNDS, COMPANIES, 3, LocalDate.now(ZoneOffset.UTC)))
                    .generate(round -> {
                        if (!companies.contains(round.company().name())) {
                            companies.add(round.company().name());
                        }
                        if (companies.size() <= COMPANIES / 2) {
                            post.accept(round);
                        } else {
                            csvImport.accept(round);
                            ndjsonImport.accept(round);
                        }
                    });
        }
        long importedRows = ndjson.toString().lines().count();
        HttpClient http = HttpClient.newHttpClient();
        List<String> refused = new ArrayList<>();
        try (StackProcess stack = StackProcess.start(dir)) {
            List<String> bodies = posted.toString().lines().toList();
            for (String body : bodies) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.gateway()
                                .resolve("/api/funding-events")).header("X-API-Key", stack.apiKey())
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    refused.add(response.statusCode() + " " + response.body() + "\n  for " + body);
                }
            }
            assertEquals(List.of(), refused, () -> refused.size() + " of " + bodies.size() + " rounds refused");

            JsonNode first = importAndAwait(http, stack, csv.toString(), "text/csv");
            assertEquals(List.of("DONE", importedRows, 0L, 0L), counts(first), first::toString);
            JsonNode again = importAndAwait(http, stack, ndjson.toString(), "application/x-ndjson");
            assertEquals(List.of("DONE", 0L, importedRows, 0L), counts(again), again::toString);
        }
    }

    private static List<Object> counts(JsonNode job) {
        return List.of(job.path("state").asText(), job.path("rowsImported").asLong(),
                job.path("rowsAlreadyRecorded").asLong(), job.path("rowsRefused").asLong());
    }

    private static JsonNode importAndAwait(HttpClient http, StackProcess stack, String body, String mediaType)
            throws Exception {
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(stack.gateway().resolve("/api/imports"))
                .header("X-API-Key", stack.apiKey()).header("Content-Type", mediaType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, accepted.statusCode(), accepted::body);
        URI job = stack.gateway().resolve(accepted.headers().firstValue("Location").orElseThrow());
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last.set(JSON.readTree(http.send(HttpRequest.newBuilder(job).header("X-API-Key", stack.apiKey()).build(),
                    HttpResponse.BodyHandlers.ofString()).body()));
            return List.of("DONE", "FAILED").contains(last.get().path("state").asText());
        });
        return last.get();
    }
}
