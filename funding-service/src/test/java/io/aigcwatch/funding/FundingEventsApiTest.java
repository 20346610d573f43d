package io.aigcwatch.funding;

import io.aigcwatch.testkit.StrangerCalls;
import io.aigcwatch.events.Topics;
import io.aigcwatch.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.aigcwatch.funding.Http.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FundingEventsApiTest extends FundingApiTest {
    @Test
    void aCallerWithoutTheGatewaysCredentialCanNeitherWriteRatesNorRecordRounds() {
        StrangerCalls.assertRefused(server.getURI(), "PUT", "/fx-rates/USD/2023-01", "{\"unitsPerUsd\": \"1\"}");
        StrangerCalls.assertRefused(server.getURI(), "POST", "/funding-events", "{}");
        StrangerCalls.assertRefused(server.getURI(), "GET", "/funding-events", null);
    }

    @Test
    void aRecordedRoundComesBackByIdWithItsUsdValueAndReachesKafkaKeyedByCompany() {
        HttpResponse<String> created = http.post("/funding-events",
                Rounds.round("Zhipu AI", "SERIES_B", "1000000000", "CNY", "2023-03-15")
                        .replace("\"country\"", "\"localName\": \"智谱AI\", \"country\""));
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        assertEquals("\"1\"", created.headers().firstValue("ETag").orElseThrow());
        Map<String, Object> round = http.map(created.body());
        assertEquals("/funding-events/" + round.get("id"), location);

        HttpResponse<String> read = http.get(location);
        assertEquals(200, read.statusCode());
        Map<String, Object> again = http.map(read.body());
        assertEquals(round, again);
        assertEquals("Zhipu AI", at(again, "company.name"));
        assertEquals("智谱AI", at(again, "company.localName"));
        assertEquals("CNY", at(again, "amount.currency"));
        assertEquals(1_000_000_000, ((Number) at(again, "amount.value")).longValue());
        assertNotNull(at(again, "amount.usd"));
        assertEquals("2023-03-01", at(again, "amount.rateDate"));
        double rate = ((Number) at(again, "amount.unitsPerUsd")).doubleValue();
        assertEquals(1_000_000_000 / rate, ((Number) at(again, "amount.usd")).doubleValue(), 0.01);
        assertEquals(1.2e9, ((Number) at(again, "postMoneyValuation.usd")).doubleValue(), 0.001);

        String companyId = (String) at(again, "company.id");
        try (TopicReader topic = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.FUNDING_EVENTS))) {
            List<ConsumerRecord<String, String>> records = topic.awaitRecords(Duration.ofSeconds(20),
                    seen -> seen.stream().anyMatch(r -> r.value().contains((String) round.get("id"))));
            ConsumerRecord<String, String> record = records.stream()
                    .filter(r -> r.value().contains((String) round.get("id"))).findFirst().orElseThrow();
            assertEquals(companyId, record.key());
            Map<String, Object> event = http.map(record.value());
            assertEquals("1.0", event.get("specversion"));
            assertEquals("funding.recorded", event.get("type"));
            assertEquals("/aigcwatch/funding-service", event.get("source"), "a round recorded one by one, no import");
            assertEquals(companyId, event.get("subject"));
            assertEquals("application/json", event.get("datacontenttype"));
            assertEquals(round.get("id"), at(event, "data.roundId"));
            assertEquals(at(again, "amount.usd"), at(event, "data.amount.usd"));
            assertNotNull(event.get("id"));
        }
    }

    @Test
    void aReplayedIdempotencyKeyReturnsTheFirstResponseAndCreatesNothing() {
        String body = Rounds.round("MiniMax", "SERIES_A", "250000000", "CNY", "2023-06-01");
        HttpResponse<String> first = http.post("/funding-events", body, "Idempotency-Key", "key-minimax-a");
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> replay = http.post("/funding-events", body.replace("\n", " "), "Idempotency-Key", "key-minimax-a");
        assertEquals(201, replay.statusCode());
        assertEquals(first.body(), replay.body());
        assertEquals(first.headers().firstValue("Location"), replay.headers().firstValue("Location"));
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElseThrow());

        HttpResponse<String> listed = http.get("/funding-events?company=MiniMax");
        assertEquals(1, ((List<?>) http.map(listed.body()).get("items")).size());

        HttpResponse<String> different = http.post("/funding-events",
                Rounds.round("MiniMax", "SERIES_A", "260000000", "CNY", "2023-06-01"), "Idempotency-Key", "key-minimax-a");
        assertEquals(422, different.statusCode());
        assertEquals("application/problem+json", different.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(http.map(different.body()).get("type").toString().endsWith("idempotency-key-reused"));
    }

    @Test
    void theSameRoundWithinThirtyDaysIsRefusedWithALinkUnlessDeclaredDistinct() {
        HttpResponse<String> first = http.post("/funding-events", Rounds.round("Baichuan", "ANGEL", "50000000", "USD", "2023-04-10"));
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> duplicate = http.post("/funding-events", Rounds.round("baichuan ", "ANGEL", "50000000", "USD", "2023-05-01"));
        assertEquals(409, duplicate.statusCode());
        Map<String, Object> problem = http.map(duplicate.body());
        assertEquals(http.map(first.body()).get("id"), problem.get("existing"));
        assertEquals("<" + first.headers().firstValue("Location").orElseThrow() + ">; rel=\"existing\"",
                duplicate.headers().firstValue("Link").orElseThrow());

        String distinct = Rounds.round("Baichuan", "ANGEL", "20000000", "USD", "2023-05-01")
                .replace("\"source\"", "\"distinctRound\": true, \"source\"");
        assertEquals(201, http.post("/funding-events", distinct).statusCode());
        HttpResponse<String> muchLater = http.post("/funding-events", Rounds.round("Baichuan", "ANGEL", "1", "USD", "2023-07-01"));
        assertEquals(201, muchLater.statusCode());
    }

    @Test
    void concurrentPostsOfOneRoundRecordItOnce() throws Exception {
        String body = Rounds.round("Race Condition AI", "SERIES_D", "300000000", "USD", "2024-02-02");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                statuses.add(pool.submit(() -> http.post("/funding-events", body).statusCode()));
            }
            List<Integer> seen = new java.util.ArrayList<>();
            for (var status : statuses) {
                seen.add(status.get());
            }
            assertEquals(1, seen.stream().filter(status -> status == 201).count(), seen.toString());
            assertEquals(7, seen.stream().filter(status -> status == 409).count(), seen.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, ((List<?>) http.map(http.get("/funding-events?company=Race%20Condition%20AI").body()).get("items")).size());
    }

    @Test
    void correctionsAndRetractionsNeedTheCurrentEtag() {
        HttpResponse<String> created = http.post("/funding-events", Rounds.round("Moonshot", "SEED", "60000000", "USD", "2023-05-20"));
        String location = created.headers().firstValue("Location").orElseThrow();
        String corrected = Rounds.round("Moonshot", "SEED", "65000000", "USD", "2023-05-20");

        HttpResponse<String> withoutEtag = http.send("PUT", location, corrected);
        assertEquals(428, withoutEtag.statusCode());
        HttpResponse<String> stale = http.send("PUT", location, corrected, "If-Match", "\"7\"");
        assertEquals(412, stale.statusCode());
        assertEquals("application/problem+json", stale.headers().firstValue("Content-Type").orElseThrow());

        HttpResponse<String> ok = http.send("PUT", location, corrected, "If-Match", "\"1\"");
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("\"2\"", ok.headers().firstValue("ETag").orElseThrow());
        assertEquals(65_000_000, ((Number) at(http.map(ok.body()), "amount.value")).longValue());
        assertEquals(412, http.send("PUT", location, corrected, "If-Match", "\"1\"").statusCode());

        HttpResponse<String> retracted = http.send("DELETE", location + "?reason=announced%20in%20error", null, "If-Match", "\"2\"");
        assertEquals(200, retracted.statusCode(), retracted.body());
        Map<String, Object> view = http.map(http.get(location).body());
        assertEquals("RETRACTED", view.get("status"));
        assertEquals("announced in error", view.get("retractionReason"));
        assertEquals(3, ((Number) view.get("version")).intValue());
        assertEquals(409, http.send("DELETE", location, null, "If-Match", "\"3\"").statusCode());

        String roundId = (String) view.get("id");
        try (TopicReader topic = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.FUNDING_EVENTS))) {
            List<String> types = topic.awaitRecords(Duration.ofSeconds(20), seen -> seen.stream()
                            .filter(r -> r.value().contains(roundId)).count() == 3).stream()
                    .filter(r -> r.value().contains(roundId))
                    .map(r -> (String) http.map(r.value()).get("type"))
                    .toList();
            assertEquals(List.of("funding.recorded", "funding.corrected", "funding.retracted"), types);
        }
    }

    /**
     * The events that valuation-service's and market-service's RoundVersionsTest publish for a moved round: each
     * version keyed by, and naming, the company it is about, so the versions before and after the move travel on
     * different partitions, and each event carries the round's version for the consumers to order them by.
     */
    @Test
    void aRoundMovedToAnotherCompanyIsAnnouncedUnderTheNewCompanyAtTheNextVersion() {
        HttpResponse<String> created = http.post("/funding-events", Rounds.round("Moved From AI", "SERIES_C", "300000000", "USD", "2024-04-04"));
        assertEquals(201, created.statusCode(), created.body());
        String location = created.headers().firstValue("Location").orElseThrow();
        String roundId = (String) http.map(created.body()).get("id");
        String from = (String) at(http.map(created.body()), "company.id");

        HttpResponse<String> moved = http.send("PUT", location,
                Rounds.round("Moved To AI", "SERIES_C", "300000000", "USD", "2024-04-04"), "If-Match", "\"1\"");
        assertEquals(200, moved.statusCode(), moved.body());
        String to = (String) at(http.map(moved.body()), "company.id");
        assertTrue(!from.equals(to), "a company of its own: " + moved.body());
        assertEquals(200, http.send("DELETE", location, null, "If-Match", "\"2\"").statusCode());

        try (TopicReader topic = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.FUNDING_EVENTS))) {
            List<ConsumerRecord<String, String>> records = topic.awaitRecords(Duration.ofSeconds(20), seen -> seen.stream()
                            .filter(r -> r.value().contains(roundId)).count() == 3).stream()
                    .filter(r -> r.value().contains(roundId))
                    .toList();
            List<String> announced = records.stream().map(record -> {
                Map<String, Object> event = http.map(record.value());
                Object company = event.get("type").equals("funding.retracted") ? at(event, "data.companyId")
                        : at(event, "data.company.id");
                return event.get("type") + " v" + at(event, "data.version") + " of " + company + " keyed " + record.key();
            }).sorted(Comparator.comparing(line -> line.split(" ")[1])).toList();
            assertEquals(List.of("funding.recorded v1 of " + from + " keyed " + from,
                    "funding.corrected v2 of " + to + " keyed " + to,
                    "funding.retracted v3 of " + to + " keyed " + to), announced);
        }
    }

    @Test
    void listsFilterPageByCursorAndExportCsv() {
        for (int month = 1; month <= 5; month++) {
            HttpResponse<String> created = http.post("/funding-events",
                    Rounds.round("Pager " + month, "SERIES_C", "1000000", "EUR", "2021-0" + month + "-10"));
            assertEquals(201, created.statusCode(), created.body());
        }
        String filter = "/funding-events?round=SERIES_C&from=2021-01-01&to=2021-12-31&country=CN&layer=MODEL";
        Map<String, Object> first = http.map(http.get(filter + "&limit=2").body());
        List<?> items = (List<?>) first.get("items");
        assertEquals(2, items.size());
        assertEquals("2021-05-10", at(first, "items.0.announcedOn"));
        Map<String, Object> second = http.map(http.get(filter + "&limit=2&cursor=" + first.get("next")).body());
        assertEquals("2021-03-10", at(second, "items.0.announcedOn"));
        Map<String, Object> third = http.map(http.get(filter + "&limit=2&cursor=" + second.get("next")).body());
        assertEquals(1, ((List<?>) third.get("items")).size());
        assertNull(third.get("next"));

        HttpResponse<String> csv = http.get(filter, "Accept", "text/csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertEquals(6, lines.size(), csv.body());
        assertTrue(lines.get(0).startsWith("id,version,status,company_id,company"));
        assertTrue(lines.get(1).contains("Pager 5"));
        assertTrue(lines.get(1).contains("Example Capital"));

        assertEquals(422, http.get("/funding-events?country=XX").statusCode());
        assertEquals(422, http.get("/funding-events?cursor=nonsense").statusCode());
        assertEquals(0, ((List<?>) http.map(http.get("/funding-events?company=Nobody%20Inc").body()).get("items")).size());
    }

    @Test
    void companiesShowTheirRoundsAndLatestValuation() {
        HttpResponse<String> created = http.post("/funding-events", Rounds.round("Company Page AI", "SERIES_A", "100000000", "USD", "2022-11-11"));
        String companyId = (String) at(http.map(created.body()), "company.id");
        Map<String, Object> company = http.map(http.get("/companies/" + companyId).body());
        assertEquals("Company Page AI", at(company, "company.name"));
        assertEquals(1, ((List<?>) company.get("rounds")).size());
        assertEquals(1.2e9, ((Number) at(company, "latestValuation.usd")).doubleValue(), 0.001);
        assertEquals(404, http.get("/companies/00000000-0000-0000-0000-000000000000").statusCode());
        assertTrue(((List<?>) http.map(http.get("/companies?limit=500").body()).get("items")).size() >= 1);
    }

    @Test
    void anAmendedRateAppliesToRoundsRecordedAfterIt() {
        HttpResponse<String> amended = http.send("PUT", "/fx-rates/CNY/2022-02", "{\"unitsPerUsd\": \"8\"}");
        assertEquals(200, amended.statusCode(), amended.body());
        HttpResponse<String> created = http.post("/funding-events", Rounds.round("Rate Check", "SEED", "80000000", "CNY", "2022-02-14"));
        Map<String, Object> round = http.map(created.body());
        assertEquals(10_000_000, ((Number) at(round, "amount.usd")).longValue());
        assertEquals("2022-02-01", at(round, "amount.rateDate"));
        assertEquals(422, http.send("PUT", "/fx-rates/XYZ/2022-02", "{\"unitsPerUsd\": \"8\"}").statusCode());
        assertEquals(422, http.send("PUT", "/fx-rates/CNY/2022-02", "{\"unitsPerUsd\": \"-1\"}").statusCode());
    }
}
