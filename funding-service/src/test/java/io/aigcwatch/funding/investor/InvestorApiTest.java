package io.aigcwatch.funding.investor;

import io.aigcwatch.funding.FundingApiTest;
import io.aigcwatch.funding.Http;
import io.aigcwatch.funding.imports.Imports;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.aigcwatch.funding.imports.Imports.CSV_HEADER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Investors as records on the real servers: registered and linked by a recorded round, a correction and a retraction
 * in the same transaction, and by the bulk import; ranked, searched, filtered on and shown with their portfolio.
 */
class InvestorApiTest extends FundingApiTest {

    private static String round(String company, String announcedOn, String usd, String valuation, String investors) {
        return """
                {"company": {"name": "%s", "country": "CN", "layer": "MODEL", "segments": ["TEXT"]},
                 "round": "SERIES_A",
                 "amount": {"value": "%s", "currency": "USD", "precision": "EXACT"},
                 "postMoneyValuation": {"value": "%s", "currency": "USD"},
                 "announcedOn": "%s",
                 "investors": %s}
                """.formatted(company, usd, valuation, announcedOn, investors);
    }

    private String created(String body) {
        HttpResponse<String> response = http.post("/funding-events", body);
        assertEquals(201, response.statusCode(), response.body());
        return response.headers().firstValue("Location").orElseThrow();
    }

    private Map<String, Object> investor(String name) {
        HttpResponse<String> found = http.get("/investors?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertEquals(200, found.statusCode(), found.body());
        Map<String, Object> hit = http.map(found.body());
        assertEquals("EXACT", Http.at(hit, "items.0.match.kind"), found.body());
        return (Map<String, Object>) Http.at(hit, "items.0.investor");
    }

    private static long number(Map<String, Object> document, String path) {
        return ((Number) Http.at(document, path)).longValue();
    }

    @Test
    void aRecordedRoundRegistersAndLinksItsInvestorsAndTheCountersFollowCorrectionAndRetraction() {
        String first = created(round("Inv Alpha", "2024-01-10", "100000000", "2000000000",
                "[{\"name\": \"Lantern Ventures\", \"lead\": true}, {\"name\": \"Quiet Fund\", \"lead\": false}]"));
        created(round("Inv Beta", "2024-02-10", "50000000", "300000000",
                "[{\"name\": \"lantern  VENTURES\", \"lead\": false}]"));

        Map<String, Object> lantern = investor("Lantern Ventures");
        assertEquals(2L, number(lantern, "rounds"), "one investor whatever the case and spacing of its name");
        assertEquals(1L, number(lantern, "leads"));
        assertEquals(0, new java.math.BigDecimal("150000000").compareTo(new java.math.BigDecimal(lantern.get("roundsUsd").toString())));
        String lanternId = lantern.get("id").toString();

        Map<String, Object> view = http.map(http.get(first).body());
        assertEquals(lanternId, Http.at(view, "investors.0.id"), "a round shows each investor's id");
        assertEquals("Lantern Ventures", Http.at(view, "investors.0.name"));

        Map<String, Object> profile = http.map(http.get("/investors/" + lanternId).body());
        List<?> portfolio = (List<?>) profile.get("portfolio");
        assertEquals(2, portfolio.size(), profile.toString());
        assertEquals(0L, number(profile, "unicornsHeld"), "valuation-service has not spoken of any company yet");
        Map<?, ?> alpha = portfolio.stream().map(Map.class::cast)
                .filter(h -> "Inv Alpha".equals(((Map<?, ?>) h.get("company")).get("name"))).findFirst().orElseThrow();
        assertEquals(true, alpha.get("unicorn"), "Inv Alpha's latest post-money is USD 2B");
        assertEquals("ROUNDS", alpha.get("valuationSource"));
        assertEquals("UNICORN", alpha.get("unicornStatus"));
        assertEquals(true, alpha.get("led"));
        assertEquals(1, ((List<?>) alpha.get("rounds")).size());

        HttpResponse<String> byInvestor = http.get("/funding-events?investor=" + lanternId);
        assertEquals(2, ((List<?>) http.map(byInvestor.body()).get("items")).size(), byInvestor.body());
        HttpResponse<String> byLead = http.get("/funding-events?leadInvestor=Lantern%20Ventures");
        List<?> led = (List<?>) http.map(byLead.body()).get("items");
        assertEquals(1, led.size(), byLead.body());
        assertEquals("Inv Alpha", Http.at(http.map(byLead.body()), "items.0.company.name"));
        HttpResponse<String> export = http.get("/funding-events?investor=Quiet%20Fund", "Accept", "text/csv");
        assertEquals(2, export.body().strip().split("\n").length, "header and the one round: " + export.body());

        HttpResponse<String> corrected = http.send("PUT", first, round("Inv Alpha", "2024-01-10", "100000000",
                "2000000000", "[{\"name\": \"Quiet Fund\", \"lead\": true}]"), "If-Match", "\"1\"");
        assertEquals(200, corrected.statusCode(), corrected.body());
        assertEquals(1L, number(investor("Lantern Ventures"), "rounds"), "the correction took Lantern off the round");
        assertEquals(0L, number(investor("Lantern Ventures"), "leads"));
        assertEquals(1L, number(investor("Quiet Fund"), "leads"));

        assertEquals(200, http.send("DELETE", first, "", "If-Match", "\"2\"").statusCode());
        assertEquals(0L, number(investor("Quiet Fund"), "rounds"), "a retracted round counts for nobody");
        HttpResponse<String> withRetracted = http.get("/funding-events?investor=Quiet%20Fund&includeRetracted=true");
        assertEquals(1, ((List<?>) http.map(withRetracted.body()).get("items")).size());
        assertEquals(0, ((List<?>) http.map(http.get("/funding-events?investor=Quiet%20Fund").body()).get("items")).size());
    }

    @Test
    void importedRoundsAreLinkedAndTheRankingsAndTopInvestorsCountThem() {
        String file = CSV_HEADER
                + "Inv Gamma,,US,APPLICATION,,SEED,2023-03-15,USD,EXACT,3000000,,,,,Harbor Seed,Pier Angels,,\n"
                + "Inv Delta,,US,APPLICATION,,SEED,2023-04-15,USD,EXACT,2000000,,,,,Pier Angels,Harbor Seed,,\n"
                + "Inv Epsilon,,US,APPLICATION,,SEED,2023-05-15,USD,UNDISCLOSED,,,,,,Harbor Seed,,,\n";
        Map<String, Object> job = Imports.importAndWait(http, server.getURI(), "text/csv", file);
        assertEquals(3, Imports.number(job, "rowsImported"), job.toString());

        Map<String, Object> harbor = investor("Harbor Seed");
        assertEquals(3L, number(harbor, "rounds"));
        assertEquals(2L, number(harbor, "leads"));
        assertEquals(0, new java.math.BigDecimal("5000000").compareTo(new java.math.BigDecimal(harbor.get("roundsUsd").toString())),
                "an undisclosed round adds nothing");

        for (String sort : List.of("rounds", "leads", "usd")) {
            HttpResponse<String> page = http.get("/investors?sort=" + sort + "&limit=1");
            assertEquals(200, page.statusCode(), page.body());
            Map<String, Object> ranked = http.map(page.body());
            assertNotNull(ranked.get("next"), sort);
            HttpResponse<String> second = http.get("/investors?sort=" + sort + "&limit=1&cursor=" + ranked.get("next"));
            assertEquals(200, second.statusCode(), second.body());
            assertFalse(Http.at(ranked, "items.0.id").equals(Http.at(http.map(second.body()), "items.0.id")), sort);
        }
        Map<String, Object> stats = http.map(http.get("/funding-stats").body());
        List<?> top = (List<?>) stats.get("topInvestors");
        assertTrue(top.size() >= 2 && top.size() <= 10, stats.toString());
        long previous = Long.MAX_VALUE;
        for (Object one : top) {
            long rounds = ((Number) ((Map<?, ?>) one).get("rounds")).longValue();
            assertTrue(rounds <= previous, "most rounds first: " + top);
            previous = rounds;
        }
        assertTrue(http.map(http.get("/funding-stats?country=US").body()).get("topInvestors") == null,
                "a filtered answer has no top investors, whose counters are of every round");
    }

    @Test
    void badParametersAreProblems() {
        String fractional = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("1.5|" + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        for (String query : List.of("sort=unicornz", "limit=0", "cursor=nonsense", "q=" + "x".repeat(201), "q=%E2%80%8B",
                "sort=rounds&cursor=" + fractional)) {
            HttpResponse<String> refused = http.get("/investors?" + query);
            assertEquals(422, refused.statusCode(), query + ": " + refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        }
        assertEquals(404, http.get("/investors/00000000-0000-0000-0000-000000000001").statusCode());
        assertEquals(400, http.get("/investors/not-a-uuid").statusCode());
    }
}
