package io.aigcwatch.funding.round;

import io.aigcwatch.funding.Http;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.core.type.Argument;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /funding-stats} from the kept totals says exactly what the scan of the rounds said, after records,
 * corrections (of amount, precision, date and company) and retractions, and its query reads no round.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundingStatsAggregateTest implements TestPropertyProvider {
    /** The scan /funding-stats ran before issue 12, the reference the kept totals must match. */
    private static final String SCAN = """
            with counted as (
                select r.amount_precision,
                       case when r.amount_precision = 'UNDISCLOSED' then null
                            else coalesce(r.usd_value, round((r.usd_low + r.usd_high) / 2, 2)) end as usd,
                       extract(year from r.announced_on)::int || '-Q' || extract(quarter from r.announced_on)::int
                           as quarter,
                       c.layer::text as layer,
                       c.country::text as country
                from funding_round r join company c on c.id = r.company_id
                where r.status = 'ACTIVE')
            select case when grouping(quarter) = 0 then 'quarter'
                        when grouping(layer) = 0 then 'layer'
                        when grouping(country) = 0 then 'country'
                        else 'total' end as dimension,
                   coalesce(quarter, layer, country) as bucket,
                   count(*) as rounds,
                   count(*) filter (where amount_precision = 'APPROXIMATE') as approximate_rounds,
                   count(*) filter (where amount_precision = 'UNDISCLOSED') as undisclosed_rounds,
                   coalesce(sum(usd), 0) as usd_raised
            from counted
            group by grouping sets ((quarter), (layer), (country), ())""";

    private final TestInfra infra = RealInfraExtension.forClass(FundingStatsAggregateTest.class);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    DataSource contextualDataSource;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    @Test
    void keptTotalsEqualTheScanAfterRecordsCorrectionsAndRetractions() throws SQLException, IOException {
        Http http = new Http(server.getURI(), json);
        assertEquals(scanned(), served(http), "no rounds yet");

        String exact = record(http, "Exact Model", "CN", "MODEL", "{\"value\": \"100000000\", \"currency\": \"USD\"}",
                "2023-02-10");
        String range = record(http, "Range App", "US", "APPLICATION", "{\"low\": \"200000000\", \"high\": \"400000001\","
                + " \"currency\": \"USD\", \"precision\": \"APPROXIMATE\"}", "2023-05-01");
        record(http, "Secret Infra", "JP", "INFRASTRUCTURE", "{\"currency\": \"USD\", \"precision\": \"UNDISCLOSED\"}",
                "2022-12-30");
        String euro = record(http, "Euro Model", "FR", "MODEL", "{\"value\": \"70000000\", \"currency\": \"EUR\"}",
                "2024-01-15");
        String gone = record(http, "Gone App", "CN", "APPLICATION", "{\"value\": \"999000000\", \"currency\": \"USD\"}",
                "2023-03-01");
        assertEquals(scanned(), served(http), "after records");

        // a correction that moves a round to another quarter, precision and company (of another country and layer)
        correct(http, exact, "1", "Range App", "US", "APPLICATION", "{\"value\": \"120000000\", \"low\": \"100000000\","
                + " \"high\": \"150000000\", \"currency\": \"USD\", \"precision\": \"APPROXIMATE\"}", "2021-07-01");
        correct(http, range, "1", "Range App", "US", "APPLICATION",
                "{\"currency\": \"USD\", \"precision\": \"UNDISCLOSED\"}", "2023-05-01");
        retract(http, gone, "1");
        retract(http, euro, "1");
        Map<String, Object> expected = scanned();
        assertEquals(expected, served(http), "after corrections and retractions");
        assertFalse(((List<?>) expected.get("byCountry")).stream()
                .anyMatch(bucket -> ((Map<?, ?>) bucket).get("key").equals("FR")), "a bucket emptied is left out");
    }

    @Test
    void theStatsQueryReadsNoRound() throws Exception {
        String sql = FundingRoundRepository.class.getMethod("stats").getAnnotation(Query.class).value();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(contextualDataSource).getConnection();
             Statement statement = connection.createStatement();
             ResultSet plan = statement.executeQuery("explain (format json) " + sql)) {
            assertTrue(plan.next());
            String document = plan.getString(1);
            assertTrue(document.contains("\"funding_stat\""), document);
            assertFalse(document.contains("\"funding_round\""), document);
        }
    }

    /** What the scan gives, shaped by the same {@link FundingStats#of} and serialised as the service does. */
    private Map<String, Object> scanned() throws SQLException, IOException {
        List<FundingRoundRepository.StatsRow> rows = new ArrayList<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(contextualDataSource).getConnection();
             Statement statement = connection.createStatement();
             ResultSet found = statement.executeQuery(SCAN)) {
            while (found.next()) {
                rows.add(new FundingRoundRepository.StatsRow(found.getString(1), found.getString(2), found.getLong(3),
                        found.getLong(4), found.getLong(5), found.getBigDecimal(6)));
            }
        }
        return json.readValue(json.writeValueAsString(FundingStats.of(rows)),
                Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> served(Http http) throws IOException {
        HttpResponse<String> response = http.get("/funding-stats");
        assertEquals(200, response.statusCode(), response.body());
        return json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
    }

    private static String record(Http http, String company, String country, String layer, String amount,
                                 String announcedOn) {
        HttpResponse<String> created = http.post("/funding-events", body(company, country, layer, amount, announcedOn));
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow();
    }

    private static void correct(Http http, String location, String version, String company, String country,
                                String layer, String amount, String announcedOn) {
        HttpResponse<String> corrected = http.send("PUT", location, body(company, country, layer, amount, announcedOn),
                "If-Match", "\"" + version + "\"");
        assertEquals(200, corrected.statusCode(), corrected.body());
    }

    private static void retract(Http http, String location, String version) {
        HttpResponse<String> retracted = http.send("DELETE", location + "?reason=test", null,
                "If-Match", "\"" + version + "\"");
        assertEquals(200, retracted.statusCode(), retracted.body());
    }

    private static String body(String company, String country, String layer, String amount, String announcedOn) {
        return """
                {"company": {"name": "%s", "country": "%s", "layer": "%s"}, "round": "SERIES_A",
                 "amount": %s, "announcedOn": "%s"}""".formatted(company, country, layer, amount, announcedOn);
    }
}
