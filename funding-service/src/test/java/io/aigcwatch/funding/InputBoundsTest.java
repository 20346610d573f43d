package io.aigcwatch.funding;

import io.aigcwatch.testkit.Refusals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every parameter, header and field has a bound that is checked before any work: out of bounds is a 422 problem
 * that names the field, answered at once however large the value, and it changes no row. The first two are the
 * calls of issue 11 that took 3.9 s of CPU and answered 200, and answered 500.
 */
class InputBoundsTest extends FundingApiTest {
    /** Far more than a bounded refusal takes on a busy machine, less than the 3.9 s the unbounded conversion burnt. */
    private static final Duration AT_ONCE = Duration.ofSeconds(2);
    private static final String[] TABLES = {"funding.funding_round", "funding.company", "(select id, payload from funding.outbox)",
            "funding.idempotency_key", "funding.fx_rate"};

    private String roundPath;

    @BeforeAll
    void recordOneRound() {
        HttpResponse<String> created = http.post("/funding-events",
                Rounds.round("Bounded Co", "SERIES_A", "1000000", "USD", "2023-01-10"));
        assertEquals(201, created.statusCode(), created.body());
        roundPath = created.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void aConversionOfAHugeExponentIsRefusedAtOnceAndNamesTheAmount() throws SQLException {
        Refusals refusals = Refusals.changingNoRow(AT_ONCE, infra, TABLES);
        for (String amount : List.of("1e2000000", "1e1000000000", "-1e1000000000", "1e-1000000000", "1E+19")) {
            refusals.expect("amount=" + amount, "amount", () -> http.get(
                    "/fx-rates/convert?currency=USD&amount=" + encode(amount) + "&on=2023-01-01"));
        }
        refusals.assertAllRefused();
        HttpResponse<String> bounded = http.get("/fx-rates/convert?currency=USD&amount=1.5e3&on=2023-01-01");
        assertEquals(200, bounded.statusCode(), "exponent notation within the bounds is a number like any: "
                + bounded.body());
        assertEquals(1500, ((Number) http.map(bounded.body()).get("usd")).intValue());
    }

    @Test
    void figuresOfHugeOrTinyScaleInABodyAreRefusedBeforeAnyArithmetic() throws SQLException {
        Refusals refusals = Refusals.changingNoRow(AT_ONCE, infra, TABLES);
        for (String figure : List.of("-1e1000000000", "1e1000000000", "1e-1000000000", "\"-1e1000000000\"", "1e19")) {
            String round = Rounds.round("Hostile Co", "SERIES_A", "1", "USD", "2023-01-10")
                    .replace("\"value\": \"1\"", "\"value\": " + figure);
            refusals.expect("amount.value " + figure, "amount.value",
                    () -> http.post("/funding-events", round));
            refusals.expect("unitsPerUsd " + figure, "unitsPerUsd",
                    () -> http.send("PUT", "/fx-rates/CNY/2023-01", "{\"unitsPerUsd\": " + figure + "}"));
        }
        String tooPrecise = Rounds.round("Hostile Co", "SERIES_A", "1", "USD", "2023-01-10")
                .replace("\"value\": \"1\"", "\"value\": 0.00001");
        refusals.expect("an amount of 5 places", "amount.value", () -> http.post("/funding-events", tooPrecise));
        refusals.expect("a rate of 9 places", "unitsPerUsd",
                () -> http.send("PUT", "/fx-rates/CNY/2023-01", "{\"unitsPerUsd\": 0.000000001}"));
        refusals.expect("a rate above a million", "unitsPerUsd",
                () -> http.send("PUT", "/fx-rates/CNY/2023-01", "{\"unitsPerUsd\": 1000001}"));
        refusals.expect("a month far in the future", "month",
                () -> http.send("PUT", "/fx-rates/CNY/9999-01", "{\"unitsPerUsd\": 7}"));
        refusals.assertAllRefused();
    }

    @Test
    void textsListsPagesAndHeadersOutOfBoundsNameTheirFieldAndChangeNothing() throws SQLException {
        Refusals refusals = Refusals.changingNoRow(AT_ONCE, infra, TABLES);
        String long1101 = "x".repeat(1101);
        refusals.expect("a page of 501", "limit", () -> http.get("/funding-events?limit=501"));
        refusals.expect("a page beyond any int", "limit", () -> http.get("/funding-events?limit=99999999999"));
        refusals.expect("a page of 0", "limit", () -> http.get("/funding-events?limit=0"));
        refusals.expect("a cursor over 1100", "cursor", () -> http.get("/funding-events?cursor=" + long1101));
        refusals.expect("a company filter over 200", "company",
                () -> http.get("/funding-events?company=" + "x".repeat(201)));
        refusals.expect("a layer of 1000 characters", "layer",
                () -> http.get("/funding-events?layer=" + "x".repeat(1000)));
        refusals.expect("a date no database holds", "from", () -> http.get("/funding-events?from=%2B999999999-12-31"));
        refusals.expect("a company page of 501", "limit", () -> http.get("/companies?limit=501"));
        refusals.expect("a company cursor over 1100", "cursor", () -> http.get("/companies?cursor=" + long1101));
        refusals.expect("a currency filter of 10", "currency", () -> http.get("/fx-rates?currency=" + "x".repeat(10)));
        refusals.expect("an amount over 40 characters", "amount",
                () -> http.get("/fx-rates/convert?currency=USD&on=2023-01-01&amount=" + "1".repeat(41)));
        refusals.expect("a conversion before 1990", "on",
                () -> http.get("/fx-rates/convert?currency=USD&amount=1&on=1989-12-31"));
        refusals.expect("a company name over 200", "company.name", () -> http.post("/companies",
                "{\"name\": \"" + "x".repeat(201) + "\", \"country\": \"US\", \"layer\": \"MODEL\"}"));
        refusals.expect("21 segments", "company.segments", () -> http.post("/companies",
                "{\"name\": \"Many Segments\", \"country\": \"US\", \"layer\": \"MODEL\", \"segments\": ["
                        + String.join(",", Collections.nCopies(21, "\"TEXT\"")) + "]}"));
        refusals.expect("a segment over 50", "company.segments[0]", () -> http.post("/companies",
                "{\"name\": \"Long Segment\", \"country\": \"US\", \"layer\": \"MODEL\", \"segments\": [\""
                        + "x".repeat(51) + "\"]}"));
        refusals.expect("a source over 2000", "source", () -> http.send("PUT", roundPath,
                Rounds.round("Bounded Co", "SERIES_A", "1000000", "USD", "2023-01-10")
                        .replace("https://example.org/press-release", "x".repeat(2001)), "If-Match", "\"1\""));
        refusals.expect("a retraction reason over 500", "reason",
                () -> http.send("DELETE", roundPath + "?reason=" + "x".repeat(501), null, "If-Match", "\"1\""));
        refusals.expect("an If-Match over 255", "If-Match",
                () -> http.send("DELETE", roundPath, null, "If-Match", "\"" + "1".repeat(300) + "\""));
        refusals.assertAllRefused();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
