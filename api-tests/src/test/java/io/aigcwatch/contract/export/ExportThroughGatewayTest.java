package io.aigcwatch.contract.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigcwatch.testkit.stack.LocalStackExtension;
import io.aigcwatch.testkit.stack.LocalStackRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An export of 100,000 rounds, as a client gets it through the gateway of the real local stack: its first line
 * arrives while funding-service's cursor is still open, every matching round arrives, and a client that leaves
 * mid-way leaves no connection held behind the gateway.
 */
@ExtendWith(LocalStackExtension.class)
class ExportThroughGatewayTest {
    private static final int ROUNDS = 100_000;
    /** The SQL cursor every export declares and fetches from (CursorExport); nothing else names it. */
    private static final String EXPORT_CURSOR = "export_rows";
    private static final String LOAD = """
            insert into funding.company (id, name, normalized_name, country, layer, segments, created_at)
            select ('00000000-0000-0000-0000-' || lpad(g::text, 12, '0'))::uuid, 'Export Co ' || g, 'export co ' || g,
                   (array['CN','US','JP','FR','DE'])[1 + g % 5], (array['INFRASTRUCTURE','MODEL','APPLICATION'])[1 + g % 3],
                   '[]', now()
            from generate_series(1, 10000) g on conflict do nothing;
            insert into funding.funding_round (id, company_id, version, status, round_type, amount_value, currency,
                                               amount_precision, usd_value, units_per_usd, rate_date, announced_on,
                                               investors, recorded_at, updated_at)
            select gen_random_uuid(), ('00000000-0000-0000-0000-' || lpad((1 + g % 10000)::text, 12, '0'))::uuid, 1,
                   'ACTIVE', 'SEED', 1000000 + g, 'USD', 'EXACT', 1000000 + g, 1, date '2015-01-01' + (g % 3000),
                   date '2015-01-01' + (g % 3000), '[]', now(), now()
            from generate_series(1, ROUNDS) g;
            analyze funding.company;
            analyze funding.funding_round;
            """.replace("ROUNDS", String.valueOf(ROUNDS));

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aLargeNdjsonExportStreamsThroughTheGatewayAndALeavingClientLeavesNoConnectionHeld(LocalStackRun stack) throws Exception {
        try (Connection database = stack.database(); Statement statement = database.createStatement()) {
            statement.execute(LOAD);
        }
        long expected = count(stack, "select count(*) from funding.funding_round r join funding.company c"
                + " on c.id = r.company_id where c.country = 'JP' and r.status = 'ACTIVE'");

        // a fresh stack's first export loads its classes in the gateway and the service; the printed time is the second's
        try (InputStream warmUp = export(stack, "/api/funding-events?country=JP&round=IPO").body()) {
            warmUp.readAllBytes();
        }

        long started = System.nanoTime();
        HttpResponse<InputStream> response = export(stack, "/api/funding-events?country=JP");
        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("chunked"), response.headers().firstValue("Transfer-Encoding"));
        assertEquals(Optional.of("attachment; filename=\"funding-events.ndjson\""),
                response.headers().firstValue("Content-Disposition"));
        long lines = 0;
        try (BufferedReader body = reader(response)) {
            JsonNode first = json.readTree(body.readLine());
            long firstLineMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("export through the gateway: first line after %d ms%n", firstLineMillis);

            assertEquals("JP", first.path("company").path("country").asText(), first::toString);
            assertTrue(exportCursorOpen(stack), "the first line came only once the cursor had been read to its end");
            for (lines = 1; body.readLine() != null; lines++) {
                // counted, never kept
            }
        }
        System.out.printf("export through the gateway: %d lines after %d ms%n", lines,
                (System.nanoTime() - started) / 1_000_000);
        assertEquals(expected, lines);

        HttpResponse<InputStream> left = export(stack, "/api/funding-events");
        try (BufferedReader body = reader(left)) {
            body.readLine();
            assertTrue(exportCursorOpen(stack));
        }
        long leftAt = System.nanoTime();
        // the gateway does not yet cancel its call to the service when its client leaves (see docs/api.md,
        // Exports): the service's cursor ends when the gateway stops reading, at the latest with the export itself
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertFalse(exportCursorOpen(stack), "the export's query still runs after its client left"));
        System.out.printf("export through the gateway: cursor released %d ms after the client left%n",
                (System.nanoTime() - leftAt) / 1_000_000);
        assertEquals(200, client.send(HttpRequest.newBuilder(stack.gateway().resolve("/api/funding-events?limit=1"))
                .header("X-API-Key", stack.readKey()).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private HttpResponse<InputStream> export(LocalStackRun stack, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(stack.gateway().resolve(path))
                .header("X-API-Key", stack.readKey()).header("Accept", "application/x-ndjson").GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private static boolean exportCursorOpen(LocalStackRun stack) throws SQLException {
        return count(stack, "select count(*) from pg_stat_activity where state in ('active', 'idle in transaction')"
                + " and pid <> pg_backend_pid() and query like '%" + EXPORT_CURSOR + "%'") > 0;
    }

    private static long count(LocalStackRun stack, String sql) throws SQLException {
        try (Connection database = stack.database(); Statement statement = database.createStatement();
             ResultSet count = statement.executeQuery(sql)) {
            count.next();
            return count.getLong(1);
        }
    }

    private static BufferedReader reader(HttpResponse<InputStream> response) {
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }
}
