package io.aigcwatch.valuation;

import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestCredential;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The unicorn list, a company's valuation history and the change log export as CSV when asked for by Accept, JSON staying the
 * default, with the suite's formula guard on every free-text cell.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValuationCsvTest {
    private EmbeddedServer funding;
    private EmbeddedServer valuation;
    private Api api;

    @BeforeAll
    void start(TestInfra infra) {
        funding = ApplicationContext.run(EmbeddedServer.class, Map.of("test.funding-stand-in", "true",
                "micronaut.server.port", -1, "datasources.default.enabled", false, "flyway.enabled", false,
                "kafka.enabled", false, "aigcwatch.outbox.enabled", false,
                TestCredential.PROPERTY, TestCredential.VALUE), "stand-in");
        Map<String, Object> properties = new HashMap<>(infra.testProperties());
        properties.put("micronaut.http.services.funding.url", funding.getURI().toString());
        valuation = ApplicationContext.run(EmbeddedServer.class, properties);
        api = new Api(valuation.getURI(), valuation.getApplicationContext().getBean(JsonMapper.class));
    }

    @AfterAll
    void stop() {
        valuation.close();
        funding.close();
    }

    @Test
    void theUnicornsAValuationHistoryAndTheChangeLogExportAsGuardedCsv() throws IOException {
        HttpResponse<String> created = api.post("/valuation-marks", """
                {"company": {"name": "=HYPERLINK(\\"http://evil.example\\")", "country": "US", "layer": "MODEL"},
                 "valuation": {"value": "5000000000", "currency": "USD"}, "asOf": "2024-03-01", "basis": "REPORTED",
                 "source": "+cmd|' /C calc'!A0", "listedAs": "UNICORN"}""");
        assertEquals(201, created.statusCode(), created.body());
        String companyId = String.valueOf(((Map<?, ?>) api.map(created.body()).get("company")).get("id"));

        HttpResponse<String> unicorns = api.getResponse("/unicorns?country=US", "text/csv");
        assertEquals(200, unicorns.statusCode(), unicorns.body());
        assertEquals(Optional.of("attachment; filename=\"unicorns.csv\""),
                unicorns.headers().firstValue("Content-Disposition"));
        assertTrue(unicorns.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        CSVRecord unicorn = rows(unicorns.body()).stream().filter(row -> row.get("company_id").equals(companyId))
                .findFirst().orElseThrow(() -> new AssertionError(unicorns.body()));
        assertEquals("'=HYPERLINK(\"http://evil.example\")", unicorn.get("name"));
        assertEquals(0, new BigDecimal("5000000000").compareTo(new BigDecimal(unicorn.get("usd"))), unicorn.get("usd"));
        assertEquals("UNICORN", unicorn.get("status"));

        HttpResponse<String> history = api.getResponse("/companies/" + companyId + "/valuations", "text/csv");
        assertEquals(200, history.statusCode(), history.body());
        assertEquals(Optional.of("attachment; filename=\"valuations-" + companyId + ".csv\""),
                history.headers().firstValue("Content-Disposition"));
        List<CSVRecord> points = rows(history.body());
        assertEquals(1, points.size(), history.body());
        assertEquals("'+cmd|' /C calc'!A0", points.get(0).get("source"));
        assertEquals("2024-03-01", points.get(0).get("as_of"));
        assertEquals("FIRST", points.get(0).get("direction"));

        Map<String, Object> json = api.get("/companies/" + companyId + "/valuations");
        assertEquals(companyId, json.get("companyId"), "JSON stays the default");

        // the change log orders changes by commit, a moment after the mark's own transaction
        HttpResponse<String> changes = await().atMost(Duration.ofSeconds(20)).until(
                () -> api.getResponse("/valuation-changes?limit=500", "text/csv"),
                response -> response.statusCode() == 200 && response.body().contains(companyId));
        List<CSVRecord> changeRows = rows(changes.body());
        CSVRecord change = changeRows.stream().filter(row -> row.get("company_id").equals(companyId)).findFirst()
                .orElseThrow(() -> new AssertionError(changes.body()));
        assertEquals("'=HYPERLINK(\"http://evil.example\")", change.get("company"));
        assertEquals("UNICORN", change.get("status_after"));
        assertEquals(String.valueOf(api.get("/valuation-changes?limit=500").get("next")),
                changeRows.get(changeRows.size() - 1).get("seq"), "the last row's seq is the page's cursor");
    }

    private static List<CSVRecord> rows(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
                .getRecords();
    }
}
