package io.aigcwatch.funding;

import io.aigcwatch.events.Topics;
import io.aigcwatch.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.aigcwatch.funding.Http.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompanyProfileTest extends FundingApiTest {
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private String register(String name) {
        HttpResponse<String> created = http.post("/funding-events",
                Rounds.round(name, "SERIES_A", "10000000", "USD", "2023-05-01"));
        assertEquals(201, created.statusCode(), created.body());
        return (String) at(http.map(created.body()), "company.id");
    }

    private HttpResponse<String> patch(String id, String body, String... headers) {
        return http.send("PATCH", "/companies/" + id, body, headers);
    }

    @Test
    void aPatchNeedsTheCurrentEtagAndIsKeptFieldByFieldAndPublished() {
        String id = register("Profile Patch Co");
        HttpResponse<String> read = http.get("/companies/" + id);
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("\"1\"", read.headers().firstValue("ETag").orElseThrow());
        assertEquals("ACTIVE", at(http.map(read.body()), "company.status"));

        String body = """
                {"country": "SG", "headquarters": "Singapore", "website": "https://patch.example",
                 "aliases": ["PPC", " ppc "], "foundedOn": "2021-04-01"}""";
        HttpResponse<String> without = patch(id, body, "Content-Type", MERGE_PATCH);
        assertEquals(428, without.statusCode(), without.body());
        assertEquals("application/problem+json", without.headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<String> done = patch(id, body, "Content-Type", MERGE_PATCH, "If-Match", "\"1\"",
                "X-Aigcwatch-Caller-Key", "key-editor");
        assertEquals(200, done.statusCode(), done.body());
        assertEquals("\"2\"", done.headers().firstValue("ETag").orElseThrow());
        Map<String, Object> profile = http.map(done.body());
        assertEquals("SG", profile.get("country"));
        assertEquals(List.of("PPC"), profile.get("aliases"));
        assertEquals("2021-04-01", profile.get("foundedOn"));
        assertEquals(2, ((Number) profile.get("version")).intValue());

        HttpResponse<String> stale = patch(id, "{\"headquarters\": \"Beijing\"}", "If-Match", "\"1\"");
        assertEquals(412, stale.statusCode(), stale.body());

        HttpResponse<String> same = patch(id, "{\"country\": \"sg\"}", "If-Match", "\"2\"");
        assertEquals(200, same.statusCode(), same.body());
        assertEquals("\"2\"", same.headers().firstValue("ETag").orElseThrow());

        HttpResponse<String> removed = patch(id, "{\"website\": null}", "If-Match", "\"2\"");
        assertEquals(200, removed.statusCode(), removed.body());
        assertEquals(null, http.map(removed.body()).get("website"));

        Map<String, Object> changes = http.map(http.get("/companies/" + id + "/changes").body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) changes.get("items");
        assertEquals(List.of("website", "website", "headquarters", "foundedOn", "country", "aliases"),
                items.stream().map(item -> item.get("field")).toList());
        Map<String, Object> country = items.get(4);
        assertEquals("CN", country.get("before"));
        assertEquals("SG", country.get("after"));
        assertEquals("key-editor", country.get("changedBy"));
        assertEquals(3, ((Number) items.get(0).get("version")).intValue());

        Map<String, Object> firstPage = http.map(http.get("/companies/" + id + "/changes?limit=4").body());
        assertEquals(4, ((List<?>) firstPage.get("items")).size());
        Map<String, Object> secondPage = http.map(http.get("/companies/" + id + "/changes?limit=4&cursor="
                + firstPage.get("next")).body());
        assertEquals(List.of("country", "aliases"), ((List<?>) secondPage.get("items")).stream()
                .map(item -> ((Map<?, ?>) item).get("field")).toList());

        try (TopicReader topic = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.FUNDING_EVENTS))) {
            List<ConsumerRecord<String, String>> records = topic.awaitRecords(Duration.ofSeconds(20),
                    seen -> seen.stream().filter(r -> r.key().equals(id) && r.value().contains("company.updated"))
                            .count() == 2);
            List<ConsumerRecord<String, String>> updates = records.stream()
                    .filter(r -> r.key().equals(id) && r.value().contains("company.updated")).toList();
            assertEquals(2, updates.size());
            assertTrue(updates.get(0).value().contains("\"country\":\"SG\""), updates.get(0).value());
        }
    }

    @Test
    void aCompanyThatMovesTakesItsRoundsWithItInTheStats() {
        String id = register("Profile Mover Co");
        Map<String, Object> jpBefore = http.map(http.get("/funding-stats?country=JP").body());
        Map<String, Object> modelBefore = http.map(http.get("/funding-stats?layer=MODEL").body());

        HttpResponse<String> moved = patch(id, "{\"country\": \"JP\", \"layer\": \"APPLICATION\"}",
                "If-Match", "\"1\"");
        assertEquals(200, moved.statusCode(), moved.body());

        Map<String, Object> jp = http.map(http.get("/funding-stats?country=JP").body());
        Map<String, Object> model = http.map(http.get("/funding-stats?layer=MODEL").body());
        assertEquals(count(jpBefore, "rounds") + 1, count(jp, "rounds"));
        assertEquals(0, usd(jpBefore).add(new java.math.BigDecimal(10_000_000)).compareTo(usd(jp)), jp.toString());
        assertEquals(count(modelBefore, "rounds") - 1, count(model, "rounds"));
        // the stats and the rounds they summarise agree after the edit
        Map<String, Object> listed = http.map(http.get("/funding-events?country=JP&limit=500").body());
        assertEquals(count(jp, "rounds"), ((List<?>) listed.get("items")).size());
        Map<String, Object> all = http.map(http.get("/funding-stats").body());
        assertTrue(((List<?>) all.get("byCountry")).stream().map(bucket -> (Map<?, ?>) bucket)
                .anyMatch(bucket -> bucket.get("key").equals("JP")), all.toString());
    }

    /**
     * Consumers that keep totals by round cannot find a company's rounds: an edit of its layer lists those that count,
     * at their versions, and one of its name alone lists none.
     */
    @Test
    void aLayerEditListsTheCompanysCountingRoundsInItsEventAndARenameNone() {
        Map<String, Object> firstRound = http.map(created(Rounds.round("Profile Rounds Co", "SERIES_A", "10000000",
                "USD", "2023-05-01")).body());
        String id = (String) at(firstRound, "company.id");
        String first = (String) firstRound.get("id");
        Map<String, Object> second = http.map(created(Rounds.round("Profile Rounds Co", "SERIES_B", "40000000", "USD",
                "2024-02-01")).body());
        HttpResponse<String> corrected = http.send("PUT", "/funding-events/" + second.get("id"),
                Rounds.round("Profile Rounds Co", "SERIES_B", "45000000", "USD", "2024-02-01"), "If-Match", "\"1\"");
        assertEquals(200, corrected.statusCode(), corrected.body());
        Map<String, Object> retracted = http.map(created(Rounds.round("Profile Rounds Co", "SERIES_C", "90000000",
                "USD", "2024-09-01")).body());
        assertEquals(200, http.send("DELETE", "/funding-events/" + retracted.get("id"), "", "If-Match", "\"1\"")
                .statusCode());

        assertEquals(200, patch(id, "{\"layer\": \"APPLICATION\"}", "If-Match", "\"1\"").statusCode());
        assertEquals(200, patch(id, "{\"name\": \"Profile Rounds Renamed Co\"}", "If-Match", "\"2\"").statusCode());

        try (TopicReader topic = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.FUNDING_EVENTS))) {
            List<Map<String, Object>> updates = updatesOf(topic.awaitRecords(Duration.ofSeconds(20),
                    seen -> updatesOf(seen, id).size() == 2), id).stream().map(r -> http.map(r.value())).toList();
            java.util.TreeMap<String, Long> counting = new java.util.TreeMap<>(Map.of(first, 1L,
                    (String) second.get("id"), 2L));
            assertEquals(List.copyOf(counting.keySet()), at(updates.get(0), "data.roundIds"),
                    updates.get(0).toString());
            assertEquals(List.copyOf(counting.values()), ((List<?>) at(updates.get(0), "data.roundVersions")).stream()
                    .map(version -> ((Number) version).longValue()).toList());
            assertEquals(null, at(updates.get(1), "data.roundIds"), updates.get(1).toString());
            assertEquals(null, at(updates.get(1), "data.roundVersions"));
        }
    }

    private HttpResponse<String> created(String body) {
        HttpResponse<String> created = http.post("/funding-events", body);
        assertEquals(201, created.statusCode(), created.body());
        return created;
    }

    private static List<ConsumerRecord<String, String>> updatesOf(List<ConsumerRecord<String, String>> seen,
                                                                  String companyId) {
        return seen.stream().filter(r -> r.key().equals(companyId) && r.value().contains("company.updated")).toList();
    }

    private static long count(Map<String, Object> stats, String field) {
        return ((Number) stats.get(field)).longValue();
    }

    private static java.math.BigDecimal usd(Map<String, Object> stats) {
        return new java.math.BigDecimal(stats.get("usdRaised").toString());
    }

    @Test
    void badFieldsAreNamedAndWrongTypesRefused() {
        String id = register("Profile Bad Input Co");
        HttpResponse<String> bad = patch(id, """
                {"website": "ftp://x.example", "country": "XX", "layer": null, "status": "PUBLIC",
                 "foundedOn": "2999-01-01"}""", "If-Match", "\"1\"");
        assertEquals(422, bad.statusCode(), bad.body());
        for (String field : List.of("website", "country", "layer", "status", "foundedOn")) {
            assertTrue(bad.body().contains("\"field\":\"" + field + "\""), field + " in " + bad.body());
        }
        HttpResponse<String> wrongType = patch(id, "{\"aliases\": \"one\"}", "If-Match", "\"1\"");
        assertEquals(400, wrongType.statusCode(), wrongType.body());
        assertEquals("application/problem+json", wrongType.headers().firstValue("Content-Type").orElseThrow());
        // nested thousands deep, a body is refused before any tree is built of it
        for (String deep : List.of("{\"aliases\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}",
                "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000))) {
            HttpResponse<String> refused = patch(id, deep, "If-Match", "\"1\"");
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        }

        String other = register("Profile Other Co");
        HttpResponse<String> taken = patch(id, "{\"aliases\": [\"profile other co\"]}", "If-Match", "\"1\"");
        assertEquals(409, taken.statusCode(), taken.body());
        HttpResponse<String> takenName = patch(id, "{\"name\": \"Profile Other Co\"}", "If-Match", "\"1\"");
        assertEquals(409, takenName.statusCode(), takenName.body());
        assertTrue(takenName.body().contains(other), takenName.body());
        assertEquals("\"1\"", http.get("/companies/" + id).headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void anExitIsRecordedWithItsSourceAndListed() {
        String id = register("Profile Exit Co");
        String path = "/companies/" + id + "/status-events";
        String acquired = """
                {"status": "ACQUIRED", "effectiveOn": "2024-06-30", "source": "https://news.example/deal",
                 "acquirer": "Big Corp"}""";
        assertEquals(428, http.post(path, acquired).statusCode());
        HttpResponse<String> noSource = http.post(path, "{\"status\": \"PUBLIC\", \"effectiveOn\": \"2024-06-30\","
                + " \"acquirer\": \"Big Corp\"}", "If-Match", "\"1\"");
        assertEquals(422, noSource.statusCode(), noSource.body());
        assertTrue(noSource.body().contains("\"field\":\"source\""), noSource.body());
        assertTrue(noSource.body().contains("\"field\":\"acquirer\""), noSource.body());

        HttpResponse<String> created = http.post(path, acquired, "If-Match", "\"1\"", "Idempotency-Key", "exit-1");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("\"2\"", created.headers().firstValue("ETag").orElseThrow());
        HttpResponse<String> retried = http.post(path, acquired, "If-Match", "\"1\"", "Idempotency-Key", "exit-1");
        assertEquals(201, retried.statusCode(), retried.body());
        assertEquals("true", retried.headers().firstValue("Idempotent-Replayed").orElseThrow());
        assertEquals(http.map(created.body()), http.map(retried.body()));
        assertEquals(409, http.post(path, acquired, "If-Match", "\"2\"").statusCode(), "already ACQUIRED");
        Map<String, Object> company = http.map(http.get("/companies/" + id).body());
        assertEquals("ACQUIRED", at(company, "company.status"));
        assertEquals("2024-06-30", at(company, "company.statusSince"));

        Map<String, Object> listed = http.map(http.get(path).body());
        assertEquals("Big Corp", at(listed, "items.0.acquirer"));
        assertEquals("ACTIVE", at(listed, "items.0.statusBefore"));
        assertEquals(List.of("statusSince", "status"), ((List<?>) http.map(http.get("/companies/" + id + "/changes")
                .body()).get("items")).stream().map(item -> ((Map<?, ?>) item).get("field")).toList());
        try (TopicReader topic = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.FUNDING_EVENTS))) {
            topic.awaitRecords(Duration.ofSeconds(20), seen -> seen.stream()
                    .anyMatch(r -> r.key().equals(id) && r.value().contains("company.status-changed")));
        }
    }

    @Test
    void aRoundThatDisagreesWithTheProfileIsAcceptedAndTheDisagreementKept() {
        String id = register("Profile Disagreeing Co");
        String body = Rounds.round("profile disagreeing co", "SERIES_B", "20000000", "USD", "2024-01-10")
                .replace("\"country\": \"CN\", \"layer\": \"MODEL\"", "\"country\": \"US\", \"layer\": \"MODEL\"");
        HttpResponse<String> created = http.post("/funding-events", body);
        assertEquals(201, created.statusCode(), created.body());
        Map<String, Object> round = http.map(created.body());
        assertEquals(id, at(round, "company.id"));
        assertEquals("CN", at(round, "company.country"));
        assertEquals(List.of(Map.of("field", "country", "profile", "CN", "round", "US")), round.get("disagreements"));
        Map<String, Object> read = http.map(http.get("/funding-events/" + round.get("id")).body());
        assertEquals(round.get("disagreements"), read.get("disagreements"));

        HttpResponse<String> agreeing = http.post("/funding-events",
                Rounds.round("Profile Disagreeing Co", "SERIES_C", "20000000", "USD", "2024-09-10"));
        assertEquals(List.of(), http.map(agreeing.body()).get("disagreements"));
    }
}
