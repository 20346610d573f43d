package io.aigcwatch.funding.round;

import io.aigcwatch.funding.FundingApiTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A round's announcement date with how much of it is known: kept and returned, checked against the date, and a round
 * that no quarter can hold is counted beside the quarterly series, never in it.
 */
class DatePrecisionTest extends FundingApiTest {

    @Test
    void precisionRoundTripsAndDefaultsToDay() {
        HttpResponse<String> month = http.post("/funding-events", round("Precision Month Co", "NO", "2023-05-01", "month"));
        assertEquals(201, month.statusCode(), month.body());
        assertEquals("MONTH", http.map(month.body()).get("announcedPrecision"));
        String location = month.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> read = http.get(location.replaceFirst("^/api", ""));
        assertEquals("MONTH", http.map(read.body()).get("announcedPrecision"), read.body());

        HttpResponse<String> day = http.post("/funding-events", round("Precision Day Co", "NO", "2023-05-17", null));
        assertEquals(201, day.statusCode(), day.body());
        assertEquals("DAY", http.map(day.body()).get("announcedPrecision"));

        HttpResponse<String> csv = http.get("/funding-events?country=NO", "Accept", "text/csv");
        assertTrue(csv.body().lines().findFirst().orElseThrow().contains(",announced_on,announced_precision,"),
                csv.body());
        assertTrue(csv.body().contains(",2023-05-01,MONTH,"), csv.body());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDateThatDisagreesWithItsPrecisionOrAnUnknownPrecisionIsRefused() {
        HttpResponse<String> midMonth = http.post("/funding-events", round("Precision Bad Co", "NO", "2023-05-15", "MONTH"));
        assertEquals(422, midMonth.statusCode(), midMonth.body());
        List<Map<String, Object>> errors = (List<Map<String, Object>>) http.map(midMonth.body()).get("errors");
        assertEquals("announcedOn", errors.get(0).get("field"));
        assertTrue(String.valueOf(errors.get(0).get("message")).contains("2023-05-01"), midMonth.body());

        HttpResponse<String> midQuarter = http.post("/funding-events", round("Precision Bad Co", "NO", "2023-05-01", "QUARTER"));
        assertEquals(422, midQuarter.statusCode(), midQuarter.body());
        assertTrue(midQuarter.body().contains("2023-04-01"), midQuarter.body());

        HttpResponse<String> week = http.post("/funding-events", round("Precision Bad Co", "NO", "2023-05-01", "WEEK"));
        assertEquals(422, week.statusCode(), week.body());
        errors = (List<Map<String, Object>>) http.map(week.body()).get("errors");
        assertEquals("announcedPrecision", errors.get(0).get("field"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void roundsThatNoQuarterCanHoldAreCountedButPlacedInNoQuarter() {
        assertEquals(201, http.post("/funding-events", round("Unplaced Before Co", "NZ", "2023-02-15", "BEFORE")).statusCode());
        assertEquals(201, http.post("/funding-events", round("Unplaced Year Co", "NZ", "2022-01-01", "YEAR")).statusCode());
        assertEquals(201, http.post("/funding-events", round("Placed Quarter Co", "NZ", "2022-07-01", "QUARTER")).statusCode());

        Map<String, Object> nz = http.map(http.get("/funding-stats?country=NZ").body());
        assertEquals(3, ((Number) nz.get("rounds")).intValue(), nz.toString());
        assertEquals(2, ((Number) nz.get("unplacedRounds")).intValue(), nz.toString());
        List<Map<String, Object>> quarters = (List<Map<String, Object>>) nz.get("byQuarter");
        assertEquals(List.of("2022-Q3"), quarters.stream().map(q -> q.get("key")).toList(), nz.toString());

        Map<String, Object> all = http.map(http.get("/funding-stats").body());
        List<Map<String, Object>> allQuarters = (List<Map<String, Object>>) all.get("byQuarter");
        assertFalse(allQuarters.stream().anyMatch(q -> String.valueOf(q.get("key")).equals("UNPLACED")), all.toString());
        assertTrue(((Number) all.get("unplacedRounds")).intValue() >= 2, all.toString());
        long inQuarters = allQuarters.stream().mapToLong(q -> ((Number) q.get("rounds")).longValue()).sum();
        assertEquals(((Number) all.get("rounds")).longValue(),
                inQuarters + ((Number) all.get("unplacedRounds")).longValue(), all.toString());

        Map<String, Object> span = http.map(http.get("/funding-stats?country=NZ&fromQuarter=1990-Q1").body());
        assertEquals(1, ((Number) span.get("rounds")).intValue(), span.toString());
        assertEquals(0, ((Number) span.get("unplacedRounds")).intValue(), span.toString());
    }

    private static String round(String company, String country, String date, String precision) {
        return """
                {"company": {"name": "%s", "country": "%s", "layer": "MODEL"},
                 "round": "SEED", "amount": {"value": "1000000", "currency": "USD"},
                 "announcedOn": "%s"%s, "source": "test"}
                """.formatted(company, country, date,
                precision == null ? "" : ", \"announcedPrecision\": \"" + precision + "\"");
    }
}
