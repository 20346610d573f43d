package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.Topics;
import io.aigcwatch.events.market.MarketCriteria;
import io.aigcwatch.gateway.stream.MarketRecomputes.Published;
import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.SseClient;
import io.aigcwatch.gateway.support.StubService;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/stream/market} as a stock SSE client sees it, fed from the real broker: the recomputes whose scope
 * and keys a connection's filters cover arrive as market-service published them, nothing else of the topic does, a
 * client resumes by its Last-Event-ID with exactly the matching ones it missed, and a bad filter is refused before the
 * stream opens.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int PARTITIONS = 3;
    private static final String APPLICATION = "layer.APPLICATION.2030";

    private final TestInfra infra = RealInfraExtension.forClass(MarketStreamTest.class);
    private Gateway gateway;
    private MarketRecomputes market;

    @BeforeAll
    void start() {
        Map<String, Object> properties = new HashMap<>(infra.testProperties());
        properties.put("aigcwatch.gateway.stream.heartbeat", "400ms");
        String nowhere = StubService.nobodyListening();
        gateway = Gateway.start(Map.of("funding", nowhere, "valuation", nowhere, "market", nowhere), properties);
        market = new MarketRecomputes(infra.bootstrapServers(), infra.topic(Topics.MARKET_PROJECTIONS), PARTITIONS,
                gateway.context().getBean(JsonMapper.class));
        MarketHub hub = gateway.context().getBean(MarketHub.class);
        await().atMost(WAIT).until(() -> hub.position() != null && hub.position().nextOffsets().size() == PARTITIONS);
    }

    @AfterAll
    void stop() {
        market.close();
        gateway.close();
    }

    @Test
    void theRecomputesAConnectionsScopesAndKeysCoverArriveAsPublishedAndNothingElseDoes() {
        try (SseClient all = connect("");
             SseClient fundingShares = connect("?scope=projections.funding");
             SseClient projections = connect("?scope=PROJECTIONS");
             SseClient layers = connect("?scope=shares,projections.funding&key=funding.layer.&key=layer.CHIP")) {
            List.of(all, fundingShares, projections, layers).forEach(MarketStreamTest::awaitReady);

            Published shares = market.recomputed("shares", "funding.layer.MODEL", "40.00", "42.50");
            Published companies = market.recomputed("shares", "valuation.company.Zhipu AI", "3.10",
                    "3.40");
            Published revenue = market.recomputed("projections", "2030.sizeCny", "1150000000000",
                    "1180000000000");
            Published model = market.recomputed("projections.funding", "layer.MODEL.2030", "38.20", "41.70");
            Published chip = market.recomputed("projections.funding", "layer.CHIP.2030", "10.00", "12.00");
            market.other("other", "market.something-new");

            await().atMost(WAIT).during(Duration.ofMillis(500)).until(() -> ids(all).size() == 5);
            assertEquals(Set.of(shares.id(), companies.id(), revenue.id(), model.id(), chip.id()), Set.copyOf(ids(all)),
                    "every recompute, no other type");
            assertEquals(List.of(model.id(), chip.id()), awaitIds(fundingShares, 2), "one scope's, in their order");
            assertEquals(Set.of(revenue.id(), model.id(), chip.id()), Set.copyOf(awaitIds(projections, 3)),
                    "a scope covers the scopes under it");
            assertEquals(Set.of(shares.id(), chip.id()), Set.copyOf(awaitIds(layers, 2)),
                    "an event with a change under a key asked for");

            SseClient.Message received = fundingShares.events(SseMessages.MARKET).get(0);
            assertEquals(model.json(), received.data(), "the CloudEvent exactly as market-service published it");
            assertTrue(received.data().contains("\"time\":"), received::data);
            assertEquals(model.offset() + 1,
                    StreamPosition.decode(received.lastEventId(), "id").nextOffset(model.partition()));
        }
    }

    @Test
    void aClientThatReconnectsWithItsLastEventIdGetsExactlyTheMatchingRecomputesItMissedThenLiveOnes() {
        String filter = "?scope=projections.funding";
        String lastEventId;
        try (SseClient first = connect(filter)) {
            awaitReady(first);
            Published seen = market.recomputed("projections.funding", APPLICATION, "20.00", "21.00");
            await().atMost(WAIT).until(() -> ids(first).contains(seen.id()));
            lastEventId = first.lastEventId();
        }
        Published missedA = market.recomputed("projections.funding", APPLICATION, "21.00", "22.00");
        market.recomputed("shares", "funding.country.CN", "60.00", "61.00");
        Published missedB = market.recomputed("projections.funding", APPLICATION, "22.00", "23.00");

        try (SseClient again = connect(filter, Map.of("Last-Event-ID", lastEventId))) {
            assertEquals(200, again.status());
            assertTrue(awaitReady(again).data().contains("\"resumed\":true"));
            assertEquals(List.of(missedA.id(), missedB.id()), awaitIds(again, 2), "a scope's recomputes in their order");
            Published live = market.recomputed("projections.funding", APPLICATION, "23.00", "24.00");
            assertEquals(List.of(missedA.id(), missedB.id(), live.id()), awaitIds(again, 3));
        }
    }

    @Test
    void badFiltersAreRefusedNamingThemBeforeTheStreamOpens() {
        Map<String, String> invalid = Map.of("?scope=proj", "scope", "?scope=shares.funding", "scope",
                "?scope=shares,%20", "scope", "?key=", "key", "?key=" + "k".repeat(201), "key");
        invalid.forEach((query, parameter) -> {
            try (SseClient refused = connect(query)) {
                assertEquals(422, refused.status(), query);
                assertEquals("application/problem+json", refused.header("Content-Type").orElse(""), query);
                assertTrue(refused.errorBody().contains("\"field\":\"" + parameter + "\""), query);
            }
        });
        try (SseClient unknown = connect("?scope=forecasts")) {
            assertTrue(unknown.errorBody().contains(MarketCriteria.SCOPES.toString()), unknown::errorBody);
        }
        try (SseClient tooMany = connect("?scope=" + "shares,".repeat(StreamFilters.MAX_VALUES) + "shares")) {
            assertEquals(422, tooMany.status());
        }
        try (SseClient badId = connect("?scope=shares", Map.of("Last-Event-ID", "0-12.x"))) {
            assertEquals(400, badId.status());
            assertTrue(badId.errorBody().contains("Last-Event-ID"));
        }
    }

    private static SseClient.Message awaitReady(SseClient client) {
        return await().atMost(WAIT).until(() -> client.events(SseMessages.READY), ready -> !ready.isEmpty()).get(0);
    }

    /** Once {@code count} have come, and no more for a while: what the stream sent. */
    private static List<String> awaitIds(SseClient client, int count) {
        await().atMost(WAIT).until(() -> ids(client).size() >= count);
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> ids(client).size() == count);
        return ids(client);
    }

    private static List<String> ids(SseClient client) {
        return client.events(SseMessages.MARKET).stream().map(message -> cloudEventId(message.data())).toList();
    }

    private static String cloudEventId(String data) {
        int start = data.indexOf("\"id\":\"") + 6;
        return data.substring(start, data.indexOf('"', start));
    }

    private SseClient connect(String query) {
        return connect(query, Map.of());
    }

    private SseClient connect(String query, Map<String, String> headers) {
        Map<String, String> withKey = new HashMap<>(headers);
        withKey.putIfAbsent("X-API-Key", Gateway.READ_KEY);
        return SseClient.connect(gateway.uri("/api/stream/market" + query), withKey);
    }
}
