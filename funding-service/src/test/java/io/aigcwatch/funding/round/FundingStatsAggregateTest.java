package io.aigcwatch.funding.round;

import io.aigcwatch.funding.Http;
import io.aigcwatch.funding.imports.Imports;
import io.aigcwatch.kit.stats.StatsFilter;
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
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /funding-stats} from the kept totals says exactly what the scan of the rounds said, after records,
 * corrections (of amount, precision, date and company), retractions and a bulk import, whole and narrowed by
 * country, layer and quarters (from the kept cells), and neither query reads a round.
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
                where r.status = 'ACTIVE' %s)
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

    /** Filters that each match some rounds, some none, and one of each kind alone. */
    private static final List<StatsFilter> FILTERS = List.of(
            StatsFilter.parse("CN", null, null, null),
            StatsFilter.parse(null, "MODEL", null, null),
            StatsFilter.parse(null, null, "2023-Q1", "2023-Q2"),
            StatsFilter.parse(null, null, "2023-Q2", null),
            StatsFilter.parse(null, null, null, "2022-Q4"),
            StatsFilter.parse("US", "APPLICATION", "2021-Q1", "2023-Q4"),
            StatsFilter.parse("DE", null, null, null));

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
        assertAllEqualTheScan(http, "no rounds yet");

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
        assertAllEqualTheScan(http, "after records");

        // a correction that moves a round to another quarter, precision and company (of another country and layer)
        correct(http, exact, "1", "Range App", "US", "APPLICATION", "{\"value\": \"120000000\", \"low\": \"100000000\","
                + " \"high\": \"150000000\", \"currency\": \"USD\", \"precision\": \"APPROXIMATE\"}", "2021-07-01");
        correct(http, range, "1", "Range App", "US", "APPLICATION",
                "{\"currency\": \"USD\", \"precision\": \"UNDISCLOSED\"}", "2023-05-01");
        retract(http, gone, "1");
        retract(http, euro, "1");
        assertAllEqualTheScan(http, "after corrections and retractions");
        Map<String, Object> expected = scanned(StatsFilter.NONE);
        assertFalse(((List<?>) expected.get("byCountry")).stream()
                .anyMatch(bucket -> ((Map<?, ?>) bucket).get("key").equals("FR")), "a bucket emptied is left out");
    }

    @Test
    void aBulkImportKeepsTheCellsThatFilteredStatsSum() throws SQLException, IOException {
        Http http = new Http(server.getURI(), json);
        String file = Imports.CSV_HEADER
                + "Bulk Model,,CN,MODEL,,SERIES_A,2023-03-15,CNY,EXACT,700000000,,,,,,,,\n"
                + "Bulk App,,US,APPLICATION,,SEED,2023-04-01,USD,APPROXIMATE,,1000000,3000000,,,,,,\n"
                + "Bulk Infra,,DE,INFRASTRUCTURE,,SEED,2022-11-30,EUR,EXACT,5000000,,,,,,,,\n"
                + "Bulk Secret,,CN,APPLICATION,,ANGEL,2023-06-30,USD,UNDISCLOSED,,,,,,,,,\n";
        Map<String, Object> job = Imports.importAndWait(http, server.getURI(), "text/csv", file);
        assertEquals(4, Imports.number(job, "rowsImported"), job.toString());
        assertAllEqualTheScan(http, "after a bulk import");
    }

    @Test
    void aBadFilterIsA422ProblemNamingEachParameter() throws IOException {
        HttpResponse<String> refused = new Http(server.getURI(), json)
                .get("/funding-stats?country=XX&layer=ROBOTS&fromQuarter=2024-Q1&toQuarter=2023-Q4");
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        Map<String, Object> problem = json.readValue(refused.body(), Argument.mapOf(String.class, Object.class));
        assertEquals(List.of("country", "layer", "fromQuarter"), ((List<?>) problem.get("errors")).stream()
                .map(error -> ((Map<?, ?>) error).get("field")).toList());
    }

    @Test
    void theStatsQueryReadsNoRound() throws Exception {
        assertReadsNoRound(FundingRoundRepository.class.getMethod("stats").getAnnotation(Query.class).value());
    }

    @Test
    void theFilteredStatsQueryReadsNoRound() throws Exception {
        String sql = FundingRoundRepository.class.getMethod("filteredStats", String.class, String.class,
                String.class, String.class).getAnnotation(Query.class).value();
        assertReadsNoRound(sql.replace(":country", "'CN'").replace(":layer", "'MODEL'")
                .replace(":fromQuarter", "'2023-Q1'").replace(":toQuarter", "'2024-Q4'"));
    }

    private void assertReadsNoRound(String sql) throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(contextualDataSource).getConnection();
             Statement statement = connection.createStatement();
             ResultSet plan = statement.executeQuery("explain (format json) " + sql)) {
            assertTrue(plan.next());
            String document = plan.getString(1);
            assertTrue(document.contains("\"funding_stat\""), document);
            assertFalse(document.contains("\"funding_round\""), document);
        }
    }

    private void assertAllEqualTheScan(Http http, String when) throws SQLException, IOException {
        assertEquals(scanned(StatsFilter.NONE), served(http, StatsFilter.NONE), when);
        for (StatsFilter filter : FILTERS) {
            assertEquals(scanned(filter), served(http, filter), when + ", " + filter);
        }
    }

    /**
     * What the scan gives, of the rounds the filter picks, shaped by the same {@link FundingStats#of} and serialised
     * as the service does. The filter's values were validated by {@link StatsFilter#parse}, so they go in as literals.
     */
    private static final String TOP_SCAN = """
            select i.id, i.name, count(*), count(*) filter (where ri.lead),
                   coalesce(sum(case when r.amount_precision = 'UNDISCLOSED' then 0
                        else coalesce(r.usd_value, round((r.usd_low + r.usd_high) / 2, 2)) end), 0),
                   count(distinct r.company_id) filter (where r.company_id in (
                       select company_id from company_valuation where unicorn_status <> 'NONE'))
            from round_investor ri join funding_round r on r.id = ri.round_id join investor i on i.id = ri.investor_id
            where r.status = 'ACTIVE'
            group by i.id, i.name order by count(*) desc, i.id desc limit 10""";

    private Map<String, Object> scanned(StatsFilter filter) throws SQLException, IOException {
        StringBuilder where = new StringBuilder();
        String quarter = "(extract(year from r.announced_on)::int || '-Q' || extract(quarter from r.announced_on)::int)";
        if (filter.country() != null) {
            where.append(" and c.country = '").append(filter.country()).append("'");
        }
        if (filter.layer() != null) {
            where.append(" and c.layer = '").append(filter.layerName()).append("'");
        }
        if (filter.fromQuarter() != null) {
            where.append(" and ").append(quarter).append(" >= '").append(filter.fromQuarter()).append("'");
        }
        if (filter.toQuarter() != null) {
            where.append(" and ").append(quarter).append(" <= '").append(filter.toQuarter()).append("'");
        }
        List<FundingRoundRepository.StatsRow> rows = new ArrayList<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(contextualDataSource).getConnection();
             Statement statement = connection.createStatement();
             ResultSet found = statement.executeQuery(SCAN.formatted(where))) {
            while (found.next()) {
                rows.add(new FundingRoundRepository.StatsRow(found.getString(1), found.getString(2), found.getLong(3),
                        found.getLong(4), found.getLong(5), found.getBigDecimal(6)));
            }
        }
        List<FundingRoundRepository.TopInvestorRow> top = null;
        if (filter.isNone()) {
            // the top investors as a scan of the rounds' links finds them, beside the kept counters the service reads
            top = new ArrayList<>();
            try (Connection connection = DelegatingDataSource.unwrapDataSource(contextualDataSource).getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet found = statement.executeQuery(TOP_SCAN)) {
                while (found.next()) {
                    top.add(new FundingRoundRepository.TopInvestorRow(found.getObject(1, java.util.UUID.class),
                            found.getString(2), found.getLong(3), found.getLong(4), found.getBigDecimal(5),
                            found.getLong(6)));
                }
            }
        }
        return json.readValue(json.writeValueAsString(FundingStats.of(rows, top)),
                Argument.mapOf(String.class, Object.class));
    }

    private Map<String, Object> served(Http http, StatsFilter filter) throws IOException {
        String query = filter.parameters().entrySet().stream()
                .map(parameter -> parameter.getKey() + "=" + parameter.getValue())
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = http.get("/funding-stats" + (query.isEmpty() ? "" : "?" + query));
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
