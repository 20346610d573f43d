package io.aigcwatch.valuation;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.aigcwatch.valuation.ledger.FundingChange;
import io.aigcwatch.valuation.ledger.ValuationLedger;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code /unicorn-stats} narrowed by country and layer counts, adds up and ranks the unicorns that {@code /unicorns}
 * lists with the same filter; a span of quarters narrows nothing (a status is today's); a bad filter is a 422.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnicornStatsFilterTest implements TestPropertyProvider {
    private static final LocalDate ON = LocalDate.of(2024, 3, 10);

    private final TestInfra infra = RealInfraExtension.forClass(UnicornStatsFilterTest.class);

    @Inject
    ValuationLedger ledger;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    JsonMapper json;
    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    /** 12 Chinese model unicorns (more than the top ten) and one below the line, and a few of other kinds. */
    @BeforeAll
    void valueCompanies() {
        List<FundingChange> changes = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            changes.add(valued("Cn Model " + i, "CN", Layer.MODEL, (1000 + 250 * i) + "000000"));
        }
        changes.add(valued("Cn Model Small", "CN", Layer.MODEL, "500000000"));
        changes.add(valued("Cn App 1", "CN", Layer.APPLICATION, "2000000000"));
        changes.add(valued("Cn App 2", "CN", Layer.APPLICATION, "1500000000"));
        changes.add(valued("Us Model Deca", "US", Layer.MODEL, "15000000000"));
        changes.add(valued("Us Model 2", "US", Layer.MODEL, "1000000000"));
        changes.add(valued("Jp Infra Small", "JP", Layer.INFRASTRUCTURE, "900000000"));
        transactions.executeWrite(status -> {
            ledger.apply(changes);
            return null;
        });
    }

    @Test
    void narrowedStatsAreThoseOfTheUnicornsListedWithTheSameFilter() {
        Api api = new Api(server.getURI(), json);
        assertSameAsListed(api, "country=CN&layer=MODEL", 12);
        assertSameAsListed(api, "country=CN", 14);
        assertSameAsListed(api, "layer=MODEL", 14);
        assertSameAsListed(api, "country=us&layer=model", 2);
        assertSameAsListed(api, "country=JP", 0);
        assertSameAsListed(api, "", 16);
    }

    /** A leaderboard asks for the largest few; its count still says how many there are in all. */
    @Test
    @SuppressWarnings("unchecked")
    void aLimitKeepsTheLargestAndCountsThemAll() {
        Api api = new Api(server.getURI(), json);
        for (String query : List.of("", "country=CN&", "country=CN&layer=MODEL&status=UNICORN&")) {
            Map<String, Object> all = api.get("/unicorns?" + query);
            Map<String, Object> largest = api.get("/unicorns?" + query + "limit=3");
            assertEquals(((List<Object>) all.get("items")).subList(0, 3), largest.get("items"), query);
            assertEquals(all.get("count"), largest.get("count"), query);
        }
        Map<String, Object> more = api.get("/unicorns?country=us&limit=500");
        assertEquals(2, ((List<Object>) more.get("items")).size());
        assertEquals(2, ((Number) more.get("count")).intValue());
        HttpResponse<String> refused = api.getResponse("/unicorns?limit=0");
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals(422, api.getResponse("/unicorns?limit=501").statusCode());
    }

    @Test
    void aSpanOfQuartersNarrowsNoUnicorn() {
        Api api = new Api(server.getURI(), json);
        assertEquals(api.get("/unicorn-stats?country=CN"),
                api.get("/unicorn-stats?country=CN&fromQuarter=2020-Q1&toQuarter=2020-Q2"));
        assertEquals(api.get("/unicorn-stats"), api.get("/unicorn-stats?fromQuarter=2020-Q1"));
    }

    @Test
    void aBadFilterIsA422ProblemNamingEachParameter() {
        HttpResponse<String> refused = new Api(server.getURI(), json)
                .getResponse("/unicorn-stats?country=CHN&layer=ROBOTS&toQuarter=2023-Q9");
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        Map<String, Object> problem = new Api(server.getURI(), json).map(refused.body());
        assertEquals(List.of("country", "layer", "toQuarter"), ((List<?>) problem.get("errors")).stream()
                .map(error -> ((Map<?, ?>) error).get("field")).toList());
    }

    @SuppressWarnings("unchecked")
    private static void assertSameAsListed(Api api, String query, int count) {
        Map<String, Object> stats = api.get("/unicorn-stats?" + query);
        List<Map<String, Object>> listed = (List<Map<String, Object>>) api.get("/unicorns?" + query).get("items");
        assertEquals(count, listed.size(), query);
        assertEquals(count, ((Number) stats.get("count")).intValue(), query);
        BigDecimal listedUsd = listed.stream().map(item -> new BigDecimal(item.get("usd").toString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, listedUsd.compareTo(new BigDecimal(stats.get("totalValuationUsd").toString())), query);
        assertEquals(listed.subList(0, Math.min(10, listed.size())).stream().map(item -> item.get("name")).toList(),
                ((List<Map<String, Object>>) stats.get("top")).stream().map(item -> item.get("name")).toList(), query);
    }

    private static FundingChange valued(String name, String country, Layer layer, String usd) {
        CompanyData company = new CompanyData(UUID.nameUUIDFromBytes(name.getBytes()), name, null, country, layer,
                List.of());
        return new FundingChange.Round(UUID.randomUUID(),
                FundingEvents.round(company, UUID.randomUUID(), 1, usd, ON));
    }
}
