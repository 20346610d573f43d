package io.aigcwatch.funding.round;

import com.zaxxer.hikari.HikariDataSource;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestCredential;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CSV and NDJSON exports of 200,000 rounds stream from one database cursor: the first rows arrive while the
 * cursor is still open, the heap does not grow with the rows, the list's filters apply, an NDJSON line is an item of
 * the JSON list, and a client that leaves mid-way gives the connection back to the pool.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundExportTest implements TestPropertyProvider {
    /** The SQL cursor every export declares and fetches from (CursorExport); nothing else names it. */
    private static final String EXPORT_CURSOR = "export_rows";
    private static final long ROWS_WHEN_HELD_WHOLE_MIB = 64;

    private final TestInfra infra = RealInfraExtension.forClass(RoundExportTest.class);
    private final HttpClient client = HttpClient.newHttpClient();
    private HikariDataSource pool;
    private long activeRounds;

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource contextualDataSource;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    @BeforeAll
    void loadRounds() throws SQLException {
        pool = (HikariDataSource) DelegatingDataSource.unwrapDataSource(contextualDataSource);
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(RoundQueryPlanTest.LOAD);
            statement.execute("analyze company");
            statement.execute("analyze funding_round");
            try (ResultSet count = statement.executeQuery("select count(*) from funding_round where status = 'ACTIVE'")) {
                count.next();
                activeRounds = count.getLong(1);
            }
        }
    }

    @Test
    void theFirstRowsArriveWithinHalfASecondWhileTheCursorIsStillReadingTheRest() throws Exception {
        long started = System.nanoTime();
        HttpResponse<InputStream> response = export("/funding-events", "text/csv");
        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("chunked"), response.headers().firstValue("Transfer-Encoding"));
        assertEquals(Optional.of("attachment; filename=\"funding-events.csv\""),
                response.headers().firstValue("Content-Disposition"));
        long rows = 0;
        try (BufferedReader body = reader(response)) {
            assertTrue(body.readLine().startsWith("id,version,status,company_id,"));
            String first = body.readLine();
            long firstRowMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("export of %d rounds: first row after %d ms%n", activeRounds, firstRowMillis);

            assertTrue(first.contains(",Company "), first);
            assertTrue(exportCursorOpen(), "the first row came only once the cursor had been read to its end");
            for (rows = 1; body.readLine() != null; rows++) {
                // counted, never kept: the client must not hold what the server must not
            }
        }
        System.out.printf("export of %d rounds: whole after %d ms%n", rows, (System.nanoTime() - started) / 1_000_000);
        assertEquals(activeRounds, rows);
        awaitConnectionsReturned();
    }

    /**
     * Every row held at once would take hundreds of MiB (a row is about 1 KiB of objects, or a few hundred bytes in
     * the driver's buffers); a fetch at a time takes well under one. The heap is weighed after a full collection,
     * before the export and when half of it has been read.
     */
    /** A filter through the company (country, layer) still walks the order's index rather than sorting every match. */
    @Test
    void aFilteredExportAlsoSendsItsFirstRowWithinHalfASecond() throws Exception {
        long started = System.nanoTime();
        HttpResponse<InputStream> response = export("/funding-events?country=JP&layer=MODEL", "application/x-ndjson");
        try (BufferedReader body = reader(response)) {
            String first = body.readLine();
            long firstRowMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("export of JP models: first row after %d ms%n", firstRowMillis);

            assertTrue(first.contains("\"country\":\"JP\""), first);
        }
        awaitConnectionsReturned();
    }

    @Test
    void theHeapDoesNotGrowWithTheRowsExported() throws Exception {
        long before = heapAfterCollection();
        long during;
        long lines = 0;
        HttpResponse<InputStream> response = export("/funding-events", "application/x-ndjson");
        try (BufferedReader body = reader(response)) {
            for (; lines < activeRounds / 2; lines++) {
                body.readLine();
            }
            during = heapAfterCollection();
            while (body.readLine() != null) {
                lines++;
            }
        }
        long grownMiB = (during - before) / (1024 * 1024);
        System.out.printf("heap grew by %d MiB while exporting %d rounds%n", grownMiB, lines);

        assertEquals(activeRounds, lines);
        assertTrue(grownMiB < ROWS_WHEN_HELD_WHOLE_MIB, () -> "the heap grew by " + grownMiB + " MiB mid-export");
    }

    @Test
    void aClientThatLeavesMidExportGivesTheConnectionBackToThePool() throws Exception {
        HttpResponse<InputStream> response = export("/funding-events?includeRetracted=true", "text/csv");
        try (BufferedReader body = reader(response)) {
            body.readLine();
            body.readLine();
            assertTrue(exportCursorOpen());
        }

        awaitConnectionsReturned();
        assertEquals(200, get("/funding-events?limit=1", "application/json").statusCode());
    }

    @Test
    void theListFiltersApplyAndEachNdjsonLineIsAnItemOfTheJsonList() throws Exception {
        String filter = "country=JP&layer=MODEL&from=2012-01-01&to=2013-12-31&includeRetracted=true";
        List<JsonNode> listed = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = get("/funding-events?limit=500&" + filter
                    + (cursor == null ? "" : "&cursor=" + cursor), "application/json");
            JsonNode document = json.readValue(page.body(), JsonNode.class);
            document.get("items").values().forEach(listed::add);
            cursor = document.get("next") == null || document.get("next").isNull() ? null
                    : document.get("next").getStringValue();
        } while (cursor != null);

        HttpResponse<String> ndjson = get("/funding-events?" + filter, "application/x-ndjson");
        assertEquals(200, ndjson.statusCode());
        assertEquals(Optional.of("application/x-ndjson; charset=utf-8"), ndjson.headers().firstValue("Content-Type"));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.body().split("\n")) {
            lines.add(json.readValue(line, JsonNode.class));
        }
        HttpResponse<String> csv = get("/funding-events?" + filter, "text/csv");
        List<String> csvIds = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords().stream().map(row -> row.get("id")).toList();

        assertTrue(listed.size() > 100, () -> "too few rounds to compare: " + listed.size());
        assertTrue(listed.stream().allMatch(round -> round.get("company").get("country").getStringValue().equals("JP")
                && round.get("company").get("layer").getStringValue().equals("MODEL")));
        assertEquals(listed, lines);
        assertEquals(listed.stream().map(round -> round.get("id").getStringValue()).toList(), csvIds);
    }

    @Test
    void aFilterOnAnUnknownCompanyExportsTheHeaderAlone() {
        HttpResponse<String> csv = get("/funding-events?company=No+Such+Company", "text/csv");
        HttpResponse<String> ndjson = get("/funding-events?company=No+Such+Company", "application/x-ndjson");

        assertEquals(200, csv.statusCode());
        assertEquals(1, csv.body().lines().count(), csv.body());
        assertEquals("", ndjson.body());
    }

    @Test
    void everyCompanyExportsAsCsvAndNdjsonInNameOrder() throws IOException {
        HttpResponse<String> csv = get("/companies", "text/csv");
        HttpResponse<String> ndjson = get("/companies", "application/x-ndjson");
        HttpResponse<String> page = get("/companies?limit=3", "application/json");

        assertEquals(Optional.of("attachment; filename=\"companies.csv\""), csv.headers().firstValue("Content-Disposition"));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        List<String> lines = ndjson.body().lines().toList();
        List<JsonNode> firstThree = new ArrayList<>();
        json.readValue(page.body(), JsonNode.class).get("items").values().forEach(firstThree::add);
        assertTrue(rows.size() >= 20_000, "rows: " + rows.size());
        assertEquals(rows.size(), lines.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(firstThree.get(i).get("name").getStringValue(), rows.get(i).get("name"));
            assertEquals(firstThree.get(i), json.readValue(lines.get(i), JsonNode.class));
        }
    }

    private boolean exportCursorOpen() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet open = statement.executeQuery("select count(*) from pg_stat_activity where state in "
                     + "('active', 'idle in transaction') and pid <> pg_backend_pid() and query like '%" + EXPORT_CURSOR + "%'")) {
            open.next();
            return open.getLong(1) > 0;
        }
    }

    private void awaitConnectionsReturned() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertFalse(exportCursorOpen(), "the export's cursor is still open");
            assertEquals(0, pool.getHikariPoolMXBean().getActiveConnections(), "connections still out of the pool");
        });
    }

    private static long heapAfterCollection() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private HttpResponse<InputStream> export(String path, String accept) throws IOException, InterruptedException {
        return client.send(request(path, accept), HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpResponse<String> get(String path, String accept) {
        try {
            return client.send(request(path, accept), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String path, String accept) {
        return TestCredential.on(HttpRequest.newBuilder(URI.create(server.getURI() + path)))
                .header("Accept", accept).GET().build();
    }

    private static BufferedReader reader(HttpResponse<InputStream> response) {
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }
}
