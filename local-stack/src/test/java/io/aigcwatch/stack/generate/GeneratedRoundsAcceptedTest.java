package io.aigcwatch.stack.generate;

import io.aigcwatch.stack.StackProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A sample of generated rounds, each POSTed as it is written to the real suite (the launcher with every service
 * jar, embedded PostgreSQL and Kafka, in a fresh home): funding-service records every one, so a generated data set
 * imports without a refused row, whatever the validation, the rate table and the duplicate rule say.
 */
class GeneratedRoundsAcceptedTest {
    private static final int ROUNDS = 300;

    @Test
    void funding_service_records_every_generated_round(@TempDir Path dir) throws Exception {
        StringWriter ndjson = new StringWriter();
        try (RoundSink sink = GenerateCommand.sink("ndjson", ndjson)) {
            new SyntheticRounds(new SyntheticRounds.Settings(ROUNDS, 60, 3, LocalDate.now(ZoneOffset.UTC)))
                    .generate(sink);
        }
        HttpClient http = HttpClient.newHttpClient();
        List<String> refused = new ArrayList<>();
        try (StackProcess stack = StackProcess.start(dir)) {
            for (String body : ndjson.toString().lines().toList()) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.gateway()
                                .resolve("/api/funding-events")).header("X-API-Key", stack.apiKey())
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201) {
                    refused.add(response.statusCode() + " " + response.body() + "\n  for " + body);
                }
            }
        }
        assertEquals(List.of(), refused, () -> refused.size() + " of " + ROUNDS + " generated rounds refused");
    }
}
