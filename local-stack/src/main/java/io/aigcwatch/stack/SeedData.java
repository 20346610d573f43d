package io.aigcwatch.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the report's facts (resources {@code seed/}) through the public API on the first start of an empty stack:
 * the foreign unicorns as valuation marks, the Chinese rounds as funding events. A marker in the home keeps a later
 * start from loading again; a row already there (409) counts as loaded, so an interrupted load can simply rerun.
 */
final class SeedData {
    static final String MARKER = "seed-loaded";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI gateway;
    private final Optional<String> apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SeedData(URI gateway, Optional<String> apiKey) {
        this.gateway = gateway;
        this.apiKey = apiKey;
    }

    /** @return a line for the console */
    static String loadOnce(Path home, URI gateway, Optional<String> apiKey) {
        Path marker = home.resolve(MARKER);
        if (Files.exists(marker)) {
            return "seed data loaded on an earlier start; not loaded again";
        }
        List<String> failures = new SeedData(gateway, apiKey).load();
        if (!failures.isEmpty()) {
            return "seed data partly loaded; these rows failed and are retried on the next start:\n  "
                    + String.join("\n  ", failures);
        }
        try {
            Files.writeString(marker, "the report's seed data was loaded; delete this file to load it again\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "seed data loaded: the report's unicorns as valuation marks, its Chinese rounds as funding events";
    }

    List<String> load() {
        List<String> failures = new ArrayList<>();
        for (CSVRecord row : rows("seed/unicorns.csv")) {
            send("/api/valuation-marks", mark(row), null, row.get("company"), failures);
        }
        for (CSVRecord row : rows("seed/china-rounds.csv")) {
            send("/api/funding-events", round(row), "seed-2023-" + row.get("company").replaceAll("[^A-Za-z0-9]+", "-"), row.get("company"), failures);
        }
        return failures;
    }

    static Map<String, Object> mark(CSVRecord row) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company", company(row));
        body.put("valuation", Map.of("value", row.get("valuation_usd"), "currency", "USD"));
        body.put("asOf", row.get("as_of"));
        body.put("basis", "REPORTED");
        body.put("listedAs", row.get("listed_as"));
        body.put("source", row.get("source"));
        return body;
    }

    static Map<String, Object> round(CSVRecord row) {
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("currency", "CNY");
        amount.put("precision", row.get("precision"));
        putIfPresent(amount, "value", row.get("amount_cny"));
        putIfPresent(amount, "low", row.get("low_cny"));
        putIfPresent(amount, "high", row.get("high_cny"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company", company(row));
        body.put("round", "UNDISCLOSED");
        body.put("amount", amount);
        body.put("announcedOn", row.get("announced_on"));
        // "since 2022", known by the report's date: on or before it, so no quarter of the series claims the round
        putIfPresent(body, "announcedPrecision", row.get("announced_precision"));
        body.put("source", row.get("source"));
        return body;
    }

    private static Map<String, Object> company(CSVRecord row) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("name", row.get("company"));
        putIfPresent(company, "localName", row.get("local_name"));
        company.put("country", row.get("country"));
        company.put("layer", row.get("layer"));
        List<String> segments = segments(row);
        if (!segments.isEmpty()) {
            company.put("segments", segments);
        }
        return company;
    }

    /** The row's taxonomy codes; {@code segment_lines} says which report line each comes from (README.md). */
    static List<String> segments(CSVRecord row) {
        String cell = row.isMapped("segments") ? row.get("segments") : "";
        return cell.isBlank() ? List.of() : List.of(cell.split(";"));
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    private void send(String path, Map<String, Object> body, String idempotencyKey, String what, List<String> failures) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            apiKey.ifPresent(key -> request.header("X-API-Key", key));
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201 && response.statusCode() != 409) {
                failures.add(what + " (" + path + "): " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            failures.add(what + " (" + path + "): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(what + ": interrupted");
        }
    }

    static List<CSVRecord> rows(String resource) {
        try (InputStream in = SeedData.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the launcher's jar");
            }
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
