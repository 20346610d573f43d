package io.aigcwatch.funding;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad request gets a 4xx problem+json that names what is wrong, and writes nothing at all. */
class BadInputTest extends FundingApiTest {
    private static final String VALID = Rounds.round("Valid Co", "SERIES_A", "1000000", "USD", "2023-01-10");

    /** @param field the field the problem must name, or null where the request is malformed as a whole */
    record Case(String name, String body, int status, String field) {
    }

    static String with(String from, String to) {
        String changed = VALID.replace(from, to);
        if (changed.equals(VALID)) {
            throw new IllegalArgumentException("the template has no " + from);
        }
        return changed;
    }

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("not JSON", "{not json", 400, null));
        cases.add(new Case("an array", "[]", 400, null));
        cases.add(new Case("company of the wrong type", with("{\"name\": \"Valid Co\", \"country\": \"CN\", \"layer\": \"MODEL\", \"segments\": [\"TEXT\"]}", "\"Valid Co\""), 400, null));
        cases.add(new Case("a word for a number", with("\"value\": \"1000000\"", "\"value\": \"abc\""), 400, null));
        cases.add(new Case("a negative amount", with("\"value\": \"1000000\"", "\"value\": \"-5\""), 422, "amount.value"));
        cases.add(new Case("a zero amount", with("\"value\": \"1000000\"", "\"value\": 0"), 422, "amount.value"));
        cases.add(new Case("an absurd amount", with("\"value\": \"1000000\"", "\"value\": 1e30"), 422, "amount.value"));
        cases.add(new Case("an amount in exponent notation beyond any amount", with("\"value\": \"1000000\"", "\"value\": 1e1000000000"), 422, "amount.value"));
        cases.add(new Case("an amount of 1,001 digits", with("\"value\": \"1000000\"", "\"value\": 1" + "0".repeat(1000)), 400, null));
        cases.add(new Case("21 segments", with("\"segments\": [\"TEXT\"]", "\"segments\": [" + "\"TEXT\",".repeat(20) + "\"TEXT\"]"), 422, "company.segments"));
        cases.add(new Case("an absurd amount in USD", with("\"value\": \"1000000\"", "\"value\": \"2000000000000\""), 422, "amount.value"));
        cases.add(new Case("an unknown currency", with("\"currency\": \"USD\", \"precision\"", "\"currency\": \"XYZ\", \"precision\""), 422, "amount.currency"));
        cases.add(new Case("a currency without a rate that year", with("\"currency\": \"USD\", \"precision\"", "\"currency\": \"CNY\", \"precision\"").replace("2023-01-10", "1995-01-10"), 422, "amount.currency"));
        cases.add(new Case("an unknown country", with("\"country\": \"CN\"", "\"country\": \"ZZ\""), 422, "company.country"));
        cases.add(new Case("an unknown round type", with("\"round\": \"SERIES_A\"", "\"round\": \"SERIES_Z\""), 422, "round"));
        cases.add(new Case("an unknown layer", with("\"layer\": \"MODEL\"", "\"layer\": \"HARDWARE\""), 422, "company.layer"));
        cases.add(new Case("an unknown precision", with("\"precision\": \"EXACT\"", "\"precision\": \"ROUGHLY\""), 422, "amount.precision"));
        cases.add(new Case("a range on an exact amount", with("\"precision\": \"EXACT\"", "\"precision\": \"EXACT\", \"low\": 1, \"high\": 2"), 422, "amount"));
        cases.add(new Case("a figure on an undisclosed amount", with("\"precision\": \"EXACT\"", "\"precision\": \"UNDISCLOSED\""), 422, "amount"));
        cases.add(new Case("a date before 1990", with("2023-01-10", "1989-12-31"), 422, "announcedOn"));
        cases.add(new Case("a date far in the future", with("2023-01-10", LocalDate.now().plusDays(8).toString()), 422, "announcedOn"));
        cases.add(new Case("a date that does not exist", with("2023-01-10", "2023-13-45"), 400, null));
        cases.add(new Case("a name over 200 characters", with("\"name\": \"Valid Co\"", "\"name\": \"" + "x".repeat(201) + "\""), 422, "company.name"));
        cases.add(new Case("a missing name", with("\"name\": \"Valid Co\", ", ""), 422, "company.name"));
        cases.add(new Case("an unknown company id", with("\"name\": \"Valid Co\"", "\"id\": \"00000000-0000-0000-0000-000000000001\", \"name\": \"Valid Co\""), 422, "company.id"));
        cases.add(new Case("a company id that is no id", with("\"name\": \"Valid Co\"", "\"id\": \"company-1\", \"name\": \"Valid Co\""), 400, null));
        StringBuilder investors = new StringBuilder("[");
        for (int i = 0; i < 101; i++) {
            investors.append(i == 0 ? "" : ",").append("{\"name\": \"Fund ").append(i).append("\", \"lead\": false}");
        }
        cases.add(new Case("over 100 investors", VALID.replaceFirst("\"investors\": \\[.*?\\],", "\"investors\": " + investors + "],"), 422, "investors"));
        cases.add(new Case("an investor without a name", with("{\"name\": \"Other Fund\", \"lead\": false}", "{\"lead\": false}"), 422, "investors[1].name"));
        cases.add(new Case("a null investor", with("{\"name\": \"Other Fund\", \"lead\": false}", "null"), 422, "investors[1]"));
        cases.add(new Case("an investor listed twice", with("\"Other Fund\"", "\"Example Capital\""), 422, "investors[1].name"));
        cases.add(new Case("a source over 2000 characters", with("https://example.org/press-release", "x".repeat(2001)), 422, "source"));
        cases.add(new Case("no amount", with("\"amount\"", "\"amountX\""), 422, "amount"));
        cases.add(new Case("a JSON null", "null", 400, null));
        cases.add(new Case("an empty object", "{}", 422, "company"));
        return cases;
    }

    @Test
    void everyBadRequestGetsAProblemThatNamesTheFieldAndWritesNothing() throws Exception {
        List<String> failures = new ArrayList<>();
        for (Case bad : cases()) {
            HttpResponse<String> response = http.post("/funding-events", bad.body());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() != bad.status() || !contentType.startsWith("application/problem+json")) {
                failures.add(bad.name() + ": " + response.statusCode() + " " + contentType + " " + response.body());
                continue;
            }
            Map<String, Object> problem = http.map(response.body());
            if (!Integer.valueOf(bad.status()).equals(problem.get("status")) || problem.get("title") == null
                    || problem.get("detail") == null || !String.valueOf(problem.get("type")).startsWith("https://")) {
                failures.add(bad.name() + ": not a complete problem document: " + response.body());
            }
            if (bad.field() != null && !String.valueOf(problem.get("errors")).contains("field=" + bad.field() + ",")) {
                failures.add(bad.name() + ": does not name " + bad.field() + ": " + response.body());
            }
        }
        assertEquals(List.of(), failures);
        assertNothingWritten();
    }

    @Test
    void bodiesOver64KilobytesAreRefusedBeforeTheyAreRead() throws Exception {
        String huge = with("https://example.org/press-release", "x".repeat(70_000));
        HttpResponse<String> response = http.post("/funding-events", huge);
        assertEquals(413, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().map().toString());
        HttpResponse<String> wrongType = http.send("POST", "/funding-events", VALID, "Content-Type", "text/plain");
        assertEquals(415, wrongType.statusCode());
        assertNothingWritten();
    }

    private void assertNothingWritten() throws Exception {
        try (Connection connection = infra.connect();
             Statement statement = connection.createStatement();
             ResultSet counts = statement.executeQuery("""
                     select (select count(*) from funding.funding_round), (select count(*) from funding.outbox),
                            (select count(*) from funding.company), (select count(*) from funding.idempotency_key)""")) {
            counts.next();
            assertEquals(List.of(0L, 0L, 0L, 0L),
                    List.of(counts.getLong(1), counts.getLong(2), counts.getLong(3), counts.getLong(4)));
        }
    }
}
