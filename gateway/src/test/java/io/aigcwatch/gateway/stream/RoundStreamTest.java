package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.SseClient;
import io.aigcwatch.gateway.support.StubService;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.json.JsonMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/stream/rounds} as a stock SSE client sees it, fed from the real broker: new rounds that match a
 * connection's filters arrive as funding-service published them, nothing else of the topic does, and a client resumes
 * by its Last-Event-ID with exactly the matching rounds it missed.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int PARTITIONS = 3;
    private static final int MAX_CONNECTIONS = 4;
    private static final CompanyData ZHIPU = FundingRounds.company("Zhipu AI", "CN", Layer.MODEL, "BASE_MODEL");
    private static final CompanyData TINY = FundingRounds.company("Tiny Apps", "US", Layer.APPLICATION);

    private final TestInfra infra = RealInfraExtension.forClass(RoundStreamTest.class);
    private Gateway gateway;
    private FundingRounds funding;

    @BeforeAll
    void start() throws ExecutionException, InterruptedException {
        String topic = infra.topic(Topics.FUNDING_EVENTS);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
        Map<String, Object> properties = new HashMap<>(infra.testProperties());
        properties.put("aigcwatch.gateway.stream.heartbeat", "400ms");
        properties.put("aigcwatch.gateway.stream.max-connections-per-caller", MAX_CONNECTIONS);
        String nowhere = StubService.nobodyListening();
        gateway = Gateway.start(Map.of("funding", nowhere, "valuation", nowhere, "market", nowhere), properties);
        funding = new FundingRounds(infra.bootstrapServers(), topic, gateway.context().getBean(JsonMapper.class));
        RoundHub hub = gateway.context().getBean(RoundHub.class);
        await().atMost(WAIT).until(() -> hub.position() != null && hub.position().nextOffsets().size() == PARTITIONS);
    }

    @AfterAll
    void stop() {
        funding.close();
        gateway.close();
    }

    @Test
    void matchingNewRoundsArriveAsPublishedAndCorrectionsRetractionsAndOthersDoNot() {
        try (SseClient all = connect("");
             SseClient bigChinese = connect("?country=cn&layer=MODEL&investor=" + encode("sequoia china")
                     + "&minUsd=100000000&segment=base_model");
             SseClient seeds = connect("?roundType=SEED,ANGEL")) {
            awaitReady(all);
            awaitReady(bigChinese);
            awaitReady(seeds);

            FundingRoundData seriesB = FundingRounds.round(ZHIPU, RoundType.SERIES_B, "300000000", "Sequoia China");
            FundingRounds.Published recorded = funding.recorded(seriesB);
            FundingRounds.Published seed = funding.recorded(FundingRounds.round(TINY, RoundType.SEED, "2000000", "Angel"));
            FundingRounds.Published small = funding.recorded(
                    FundingRounds.round(ZHIPU, RoundType.SERIES_A, "50000000", "Sequoia China"));
            funding.corrected(seriesB);
            funding.retracted(seriesB);
            // after everything of Zhipu's above on its partition: once it arrives, they were all read
            FundingRounds.Published later = funding.recorded(
                    FundingRounds.round(ZHIPU, RoundType.SERIES_C, "400000000", "Tencent", "Sequoia China"));

            await().atMost(WAIT).until(() -> ids(bigChinese).contains(later.id()));
            assertEquals(List.of(recorded.id(), later.id()), ids(bigChinese));
            List<SseClient.Message> received = bigChinese.events(SseMessages.ROUND);
            assertEquals(recorded.json(), received.get(0).data(), "the event exactly as funding-service published it");
            assertEquals(recorded.offset() + 1,
                    StreamPosition.decode(received.get(0).lastEventId(), "id").nextOffset(recorded.partition()));

            await().atMost(WAIT).until(() -> ids(all).size() >= 4);
            await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> Set.copyOf(ids(all)).equals(
                    Set.of(recorded.id(), seed.id(), small.id(), later.id())) && ids(all).size() == 4);
            assertTrue(all.events(SseMessages.ROUND).stream()
                    .allMatch(message -> message.data().contains("\"type\":\"" + FundingEventTypes.RECORDED + "\"")));
            await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> ids(seeds).equals(List.of(seed.id())));
        }
    }

    @Test
    void aClientThatReconnectsWithItsLastEventIdGetsExactlyTheMatchingRoundsItMissedThenLiveOnes() {
        CompanyData resumed = FundingRounds.company("Resume Robotics", "JP", Layer.APPLICATION);
        CompanyData other = FundingRounds.company("Other Robotics", "JP", Layer.APPLICATION);
        String filter = "?company=" + encode("resume robotics");
        String lastEventId;
        try (SseClient first = connect(filter)) {
            awaitReady(first);
            FundingRounds.Published seen = funding.recorded(FundingRounds.round(resumed, RoundType.SEED, "1000000", "A"));
            await().atMost(WAIT).until(() -> ids(first).contains(seen.id()));
            lastEventId = first.lastEventId();
        }
        FundingRounds.Published missedA = funding.recorded(FundingRounds.round(resumed, RoundType.SERIES_A, "9000000", "B"));
        funding.recorded(FundingRounds.round(other, RoundType.SERIES_A, "9000000", "B"));
        FundingRounds.Published missedB = funding.recorded(FundingRounds.round(resumed, RoundType.SERIES_B, "30000000", "C"));
        funding.recorded(FundingRounds.round(other, RoundType.SERIES_B, "30000000", "C"));

        try (SseClient again = connect(filter, Map.of("Last-Event-ID", lastEventId))) {
            assertEquals(200, again.status());
            SseClient.Message ready = awaitReady(again);
            assertTrue(ready.data().contains("\"resumed\":true"), ready::data);
            await().atMost(WAIT).until(() -> ids(again).size() >= 2);
            assertEquals(List.of(missedA.id(), missedB.id()), ids(again), "a company's rounds in their order");

            FundingRounds.Published live = funding.recorded(FundingRounds.round(resumed, RoundType.SERIES_C, "90000000", "D"));
            await().atMost(WAIT).until(() -> ids(again).contains(live.id()));
            assertEquals(List.of(missedA.id(), missedB.id(), live.id()), ids(again));
        }
    }

    @Test
    void importedRoundsReachOnlyStreamsThatIncludeThemLiveAndOnResume() {
        CompanyData catalogue = FundingRounds.company("Catalogue Labs", "KR", Layer.APPLICATION);
        String company = "?company=" + encode("catalogue labs");
        String before;
        UUID job = UUID.randomUUID();
        FundingRounds.Published importedSeed;
        FundingRounds.Published importedA;
        FundingRounds.Published recorded;
        try (SseClient news = connect(company);
             SseClient withImports = connect(company + "&includeImported=TRUE");
             SseClient withoutImports = connect(company + "&includeImported=false")) {
            before = awaitReady(news).lastEventId();
            awaitReady(withImports);
            awaitReady(withoutImports);

            importedSeed = funding.imported(FundingRounds.round(catalogue, RoundType.SEED, "1000000", "Old Angel"),
                    job);
            importedA = funding.imported(FundingRounds.round(catalogue, RoundType.SERIES_A, "8000000", "Old VC"), job);
            // after the imported rounds on the company's partition: once it arrives, they were read too
            recorded = funding.recorded(FundingRounds.round(catalogue, RoundType.SERIES_B, "40000000", "New VC"));

            await().atMost(WAIT).until(() -> ids(withImports).contains(recorded.id()));
            assertEquals(List.of(importedSeed.id(), importedA.id(), recorded.id()), ids(withImports));
            assertTrue(withImports.events(SseMessages.ROUND).get(0).data()
                    .contains("\"source\":\"/aigcwatch/funding-service/imports/" + job + "\""), "sent as published");
            for (SseClient newsOnly : List.of(news, withoutImports)) {
                await().atMost(WAIT).until(() -> ids(newsOnly).contains(recorded.id()));
                assertEquals(List.of(recorded.id()), ids(newsOnly), "the back catalogue is not news");
            }
        }

        try (SseClient resumedWithImports = connect(company + "&includeImported=true", Map.of("Last-Event-ID", before));
             SseClient resumedNews = connect(company, Map.of("Last-Event-ID", before))) {
            await().atMost(WAIT).until(() -> ids(resumedWithImports).contains(recorded.id()));
            assertEquals(List.of(importedSeed.id(), importedA.id(), recorded.id()), ids(resumedWithImports));
            await().atMost(WAIT).until(() -> ids(resumedNews).contains(recorded.id()));
            assertEquals(List.of(recorded.id()), ids(resumedNews), "a catch-up filters as the live stream does");
        }
    }

    @Test
    void invalidFiltersAreRefusedWithProblemsNamingThem() {
        Map<String, String> invalid = Map.of("company", "?company=", "investor", "?investor=%20",
                "country", "?country=XX", "layer", "?layer=HARDWARE", "segment", "?segment=base%20model",
                "roundType", "?roundType=SERIES_Z", "minUsd", "?minUsd=1e9", "includeImported", "?includeImported=yes");
        invalid.forEach((parameter, query) -> {
            try (SseClient refused = connect(query)) {
                assertEquals(422, refused.status(), query);
                assertEquals("application/problem+json", refused.header("Content-Type").orElse(""), query);
                assertTrue(refused.errorBody().contains("\"field\":\"" + parameter + "\""), query);
            }
        });
        try (SseClient notTheReports = connect("?segment=MULTIMODAL")) {
            assertEquals(422, notTheReports.status(), "a code the taxonomy lacks would match nothing, silently");
            assertTrue(notTheReports.errorBody().contains("GET /api/taxonomy"), notTheReports::errorBody);
        }
        try (SseClient tooMany = connect("?investor=" + "a,".repeat(StreamFilters.MAX_VALUES) + "a")) {
            assertEquals(422, tooMany.status());
            assertTrue(tooMany.errorBody().contains("more than the " + StreamFilters.MAX_VALUES + " allowed"),
                    tooMany::errorBody);
        }
        try (SseClient badId = connect("?roundType=SEED", Map.of("Last-Event-ID", "0-12.x"))) {
            assertEquals(400, badId.status());
            assertTrue(badId.errorBody().contains("Last-Event-ID"));
        }
    }

    @Test
    void streamsOfBothKindsCountTogetherTowardsACallersCap() {
        ConnectionLimiter limiter = gateway.context().getBean(ConnectionLimiter.class);
        await().atMost(WAIT).until(() -> limiter.open() == 0);
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                open.add(i % 2 == 0 ? connect("") : valuations());
                assertEquals(200, open.get(i).status());
            }
            try (SseClient rounds = connect("?roundType=SEED"); SseClient changes = valuations()) {
                assertEquals(429, rounds.status());
                assertEquals("application/problem+json", rounds.header("Content-Type").orElse(""));
                assertEquals(429, changes.status());
            }
        } finally {
            open.forEach(SseClient::close);
        }
    }

    private static SseClient.Message awaitReady(SseClient client) {
        return await().atMost(WAIT).until(() -> client.events(SseMessages.READY), ready -> !ready.isEmpty()).get(0);
    }

    private static List<String> ids(SseClient client) {
        return client.events(SseMessages.ROUND).stream().map(message -> cloudEventId(message.data())).toList();
    }

    private static String cloudEventId(String json) {
        int start = json.indexOf("\"id\":\"") + 6;
        return json.substring(start, json.indexOf('"', start));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private SseClient valuations() {
        return SseClient.connect(gateway.uri("/api/valuation-changes/stream"), Map.of("X-API-Key", Gateway.READ_KEY));
    }

    private SseClient connect(String query) {
        return connect(query, Map.of());
    }

    private SseClient connect(String query, Map<String, String> headers) {
        Map<String, String> withKey = new HashMap<>(headers);
        withKey.putIfAbsent("X-API-Key", Gateway.READ_KEY);
        return SseClient.connect(gateway.uri("/api/stream/rounds" + query), withKey);
    }
}
