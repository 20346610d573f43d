package io.aigcwatch.funding;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static io.aigcwatch.funding.Http.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /funding-stats} over rounds of every precision, in its own database. */
class FundingStatsTest extends FundingApiTest {
    @Test
    void totalsCountDisclosedAmountsRangesAtTheirMidpointAndUndisclosedRoundsApart() {
        assertEquals(0L, number(stats(), "rounds").longValue(), "no rounds yet, and still a document");

        record("Exact Model", "CN", "MODEL", "{\"value\": \"100000000\", \"currency\": \"USD\"}", "2023-02-10");
        record("Range App", "US", "APPLICATION",
                "{\"low\": \"200000000\", \"high\": \"400000000\", \"currency\": \"USD\", \"precision\": \"APPROXIMATE\"}",
                "2023-05-01");
        record("About Model", "US", "MODEL",
                "{\"value\": \"50000000\", \"low\": \"40000000\", \"high\": \"90000000\", \"currency\": \"USD\","
                        + " \"precision\": \"APPROXIMATE\"}", "2023-05-20");
        record("Secret Model", "CN", "MODEL", "{\"currency\": \"USD\", \"precision\": \"UNDISCLOSED\"}", "2023-06-30");
        String retracted = record("Gone App", "CN", "APPLICATION",
                "{\"value\": \"999000000\", \"currency\": \"USD\"}", "2023-03-01");
        HttpResponse<String> retract = http.send("DELETE", retracted + "?reason=test", null, "If-Match", "\"1\"");
        assertEquals(200, retract.statusCode(), retract.body());

        Map<String, Object> stats = stats();

        assertEquals(4, number(stats, "rounds").longValue());
        assertEquals(2, number(stats, "approximateRounds").longValue());
        assertEquals(1, number(stats, "undisclosedRounds").longValue());
        // 100M exact + 300M midpoint of 200M-400M + 50M stated value of a range; the retracted 999M counts nowhere
        assertMoney("450000000", number(stats, "usdRaised"));
        assertTrue(((String) stats.get("usdRaisedBasis")).contains("midpoint"), () -> (String) stats.get("usdRaisedBasis"));

        assertEquals(List.of("2023-Q1", "2023-Q2"), keys(stats, "byQuarter"));
        assertMoney("100000000", number(stats, "byQuarter.0.usdRaised"));
        assertEquals(1, number(stats, "byQuarter.0.rounds").longValue());
        assertMoney("350000000", number(stats, "byQuarter.1.usdRaised"));
        assertEquals(3, number(stats, "byQuarter.1.rounds").longValue());
        assertEquals(1, number(stats, "byQuarter.1.undisclosedRounds").longValue());

        assertEquals(List.of("APPLICATION", "MODEL"), keys(stats, "byLayer"), "most raised first");
        assertMoney("300000000", number(stats, "byLayer.0.usdRaised"));
        assertMoney("150000000", number(stats, "byLayer.1.usdRaised"));
        assertEquals(3, number(stats, "byLayer.1.rounds").longValue());

        assertEquals(List.of("US", "CN"), keys(stats, "byCountry"));
        assertMoney("350000000", number(stats, "byCountry.0.usdRaised"));
        assertEquals(2, number(stats, "byCountry.0.approximateRounds").longValue());
        assertMoney("100000000", number(stats, "byCountry.1.usdRaised"));
        assertEquals(1, number(stats, "byCountry.1.undisclosedRounds").longValue());
    }

    private String record(String company, String country, String layer, String amount, String announcedOn) {
        HttpResponse<String> created = http.post("/funding-events", """
                {"company": {"name": "%s", "country": "%s", "layer": "%s"}, "round": "SERIES_A",
                 "amount": %s, "announcedOn": "%s"}""".formatted(company, country, layer, amount, announcedOn));
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow();
    }

    private Map<String, Object> stats() {
        HttpResponse<String> response = http.get("/funding-stats");
        assertEquals(200, response.statusCode(), response.body());
        return http.map(response.body());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> keys(Map<String, Object> stats, String list) {
        return ((List<Map<String, Object>>) stats.get(list)).stream().map(bucket -> bucket.get("key")).toList();
    }

    private static Number number(Map<String, Object> document, String path) {
        return (Number) at(document, path);
    }

    private static void assertMoney(String expected, Number actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())),
                () -> "expected " + expected + " but was " + actual);
    }
}
