package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.Topics;
import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.SseClient;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

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

/** The change stream as a stock SSE client sees it, fed from the real broker. */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValuationStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int PARTITIONS = 3;
    private static final int MAX_CONNECTIONS = 3;

    private final TestInfra infra = RealInfraExtension.forClass(ValuationStreamTest.class);
    private StreamGateway stream;
    private Gateway gateway;
    private ValuationChanges changes;
    private Admin admin;

    @BeforeAll
    void start() throws ExecutionException, InterruptedException {
        stream = StreamGateway.start(infra, PARTITIONS, Map.of(
                "aigcwatch.gateway.stream.heartbeat", "400ms",
                "aigcwatch.gateway.stream.max-connections-per-caller", MAX_CONNECTIONS,
                Gateway.ANONYMOUS_READ, true));
        gateway = stream.gateway();
        changes = stream.changes();
        admin = stream.admin();
    }

    @AfterAll
    void stop() {
        stream.close();
    }

    @Test
    void aClientConnectedBeforeAChangeReceivesItAsPublished() {
        try (SseClient client = connect("")) {
            assertEquals(200, client.status());
            assertTrue(client.header("Content-Type").orElse("").startsWith("text/event-stream"));
            awaitReady(client);

            ValuationChanges.Published published = changes.change(ValuationChanges.company("Live AI"));

            SseClient.Message received = await().atMost(WAIT)
                    .until(() -> client.events(SseMessages.CHANGED), events -> !events.isEmpty()).get(0);
            assertEquals(published.json(), received.data());
            assertTrue(received.data().contains("\"id\":\"" + published.id() + "\""), received::data);
            assertEquals(published.offset() + 1,
                    StreamPosition.decode(received.lastEventId(), "id").nextOffset(published.partition()));
            List<String> lines = client.lines();
            int data = lines.indexOf("data: " + published.json());
            assertEquals(List.of("id: " + received.lastEventId(), "event: valuation-changed", "data: " + published.json(), ""),
                    lines.subList(data - 2, data + 2));
        }
    }

    /** Browsers offer compression on EventSource requests; an encoder buffering a block would hold events back. */
    @Test
    void aClientOfferingCompressionStillGetsEachEventAsItHappens() {
        try (SseClient client = connect("", Map.of("Accept-Encoding", "gzip, deflate, br, zstd"))) {
            assertEquals(200, client.status());
            assertEquals("identity", client.header("Content-Encoding").orElse("identity"));
            awaitReady(client);
            ValuationChanges.Published published = changes.change(ValuationChanges.company("Compressed AI"));
            await().atMost(WAIT).until(() -> ids(client.events(SseMessages.CHANGED)).contains(published.id()));
        }
    }

    @Test
    void aClientThatReconnectsWithItsLastEventIdGetsExactlyWhatItMissedThenLiveChanges() {
        List<UUID> companies = List.of("Resume A", "Resume B", "Resume C", "Resume D", "Resume E", "Resume F").stream()
                .map(ValuationChanges::company).toList();
        String lastEventId;
        try (SseClient first = connect("")) {
            awaitReady(first);
            ValuationChanges.Published seen = changes.change(companies.get(0));
            await().atMost(WAIT).until(() -> ids(first.events(SseMessages.CHANGED)).contains(seen.id()));
            lastEventId = first.lastEventId();
        }
        List<ValuationChanges.Published> missed = new ArrayList<>();
        for (UUID company : companies.subList(1, companies.size())) {
            missed.add(changes.change(company));
        }
        assertTrue(missed.stream().map(ValuationChanges.Published::partition).distinct().count() > 1,
                "the missed changes should span partitions");

        try (SseClient again = connect("", Map.of("Last-Event-ID", lastEventId))) {
            assertEquals(200, again.status());
            SseClient.Message ready = awaitReady(again);
            assertEquals(lastEventId, ready.lastEventId());
            assertTrue(ready.data().contains("\"resumed\":true"), ready::data);
            await().atMost(WAIT).until(() -> again.events(SseMessages.CHANGED).size() >= missed.size());
            assertEquals(Set.copyOf(ids(missed)), Set.copyOf(ids(again.events(SseMessages.CHANGED))));

            ValuationChanges.Published live = changes.change(companies.get(0));
            await().atMost(WAIT).until(() -> ids(again.events(SseMessages.CHANGED)).contains(live.id()));
            List<String> all = ids(again.events(SseMessages.CHANGED));
            assertEquals(missed.size() + 1, all.size(), all::toString);
            assertEquals(live.id(), all.get(all.size() - 1));
        }
    }

    @Test
    void aClientThatLeftBeforeAnyChangeResumesFromItsReadyId() {
        String readyId;
        try (SseClient first = connect("")) {
            readyId = awaitReady(first).lastEventId();
            assertEquals(readyId, first.lastEventId());
        }
        ValuationChanges.Published one = changes.change(ValuationChanges.company("Quiet A"));
        ValuationChanges.Published two = changes.change(ValuationChanges.company("Quiet B"));

        // the query parameter, for clients that cannot set the header
        try (SseClient again = connect("?lastEventId=" + readyId)) {
            await().atMost(WAIT).until(() -> again.events(SseMessages.CHANGED).size() >= 2);
            assertEquals(Set.of(one.id(), two.id()), Set.copyOf(ids(again.events(SseMessages.CHANGED))));
        }
    }

    @Test
    void filtersPassOnlyTheChangesTheyDescribe() {
        UUID chosen = ValuationChanges.company("Filter Chosen");
        try (SseClient all = connect("");
             SseClient byCompany = connect("?company=" + chosen + "," + UUID.randomUUID());
             SseClient byCountryAndLayer = connect("?country=cn&layer=APPLICATION")) {
            awaitReady(all);
            awaitReady(byCompany);
            awaitReady(byCountryAndLayer);
            List<ValuationChanges.Published> published = List.of(
                    changes.change(chosen, "US", Layer.MODEL, "100000000", "120000000"),
                    changes.change(ValuationChanges.company("Filter CN App"), "CN", Layer.APPLICATION, "500000000", "1500000000"),
                    changes.change(ValuationChanges.company("Filter CN Model"), "CN", Layer.MODEL, "3000000000", "3030000000"),
                    changes.change(ValuationChanges.company("Filter Falling"), "GB", Layer.APPLICATION, "1200000000", "900000000"));
            await().atMost(WAIT).until(() -> all.events(SseMessages.CHANGED).size() == published.size());

            assertDuring(byCompany, List.of(published.get(0)));
            assertDuring(byCountryAndLayer, List.of(published.get(1)));
        }
        // unicorns before, after or crossing; and moves of at least 20 percent either way
        try (SseClient unicorns = connect("?unicornOnly=true");
             SseClient bigMoves = connect("?minChangePct=20")) {
            awaitReady(unicorns);
            awaitReady(bigMoves);
            List<ValuationChanges.Published> published = List.of(
                    changes.change(ValuationChanges.company("Small Up"), "US", Layer.MODEL, "100000000", "150000000"),
                    changes.change(ValuationChanges.company("Crossing"), "US", Layer.MODEL, "900000000", "1000000000"),
                    changes.change(ValuationChanges.company("Leaving"), "US", Layer.MODEL, "1500000000", "1000000"),
                    changes.change(ValuationChanges.company("Big Steady"), "US", Layer.MODEL, "5000000000", "5100000000"),
                    changes.change(ValuationChanges.company("First"), "US", Layer.MODEL, null, "10000000"));
            assertDuring(unicorns, List.of(published.get(1), published.get(2), published.get(3)));
            // a first valuation has no percentage and counts as the largest move there is
            assertDuring(bigMoves, List.of(published.get(0), published.get(2), published.get(4)));
        }
    }

    @Test
    void invalidFiltersAndIdsAreRefusedWithProblemsNamingThem() {
        try (SseClient badId = connect("", Map.of("Last-Event-ID", "0-12.x"))) {
            assertEquals(400, badId.status());
            assertEquals("application/problem+json", badId.header("Content-Type").orElse(""));
            assertTrue(badId.errorBody().contains("Last-Event-ID"));
        }
        try (SseClient badParameterId = connect("?lastEventId=0-1.0-2")) {
            assertEquals(400, badParameterId.status());
            assertTrue(badParameterId.errorBody().contains("lastEventId"));
        }
        Map<String, String> invalid = Map.of("company", "?company=", "country", "?country=XX",
                "layer", "?layer=HARDWARE", "unicornOnly", "?unicornOnly=yes", "minChangePct", "?minChangePct=-5");
        invalid.forEach((parameter, query) -> {
            try (SseClient refused = connect(query)) {
                assertEquals(422, refused.status(), query);
                assertTrue(refused.errorBody().contains("\"field\":\"" + parameter + "\""), query);
            }
        });
    }

    @Test
    void anIdleConnectionGetsHeartbeats() {
        try (SseClient client = connect("?company=" + UUID.randomUUID())) {
            awaitReady(client);
            await().atMost(WAIT).until(() -> client.lines().stream().filter(": heartbeat"::equals).count() >= 2);
            assertTrue(client.events(SseMessages.CHANGED).isEmpty());
        }
    }

    @Test
    void readersWithoutAKeyAreCappedByTheirAddressNotAllTogether() {
        ConnectionLimiter limiter = gateway.context().getBean(ConnectionLimiter.class);
        await().atMost(WAIT).until(() -> limiter.open() == 0);
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                open.add(SseClient.connect(gateway.uri("/api/valuation-changes/stream"), Map.of()));
                assertEquals(200, open.get(i).status());
            }
            try (SseClient refused = SseClient.connect(gateway.uri("/api/valuation-changes/stream"), Map.of())) {
                assertEquals(429, refused.status());
            }
            // a reader at another address has its own allowance
            assertEquals("HTTP/1.1 200 OK", gateway.statusLineFrom("127.0.0.2", "/api/valuation-changes/stream",
                    Map.of("Accept", "text/event-stream")));
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void aCallerOverItsConnectionCapIsRefusedUntilOneCloses() {
        ConnectionLimiter limiter = gateway.context().getBean(ConnectionLimiter.class);
        await().atMost(WAIT).until(() -> limiter.open() == 0);
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                open.add(connect(""));
                assertEquals(200, open.get(i).status());
            }
            try (SseClient refused = connect("")) {
                assertEquals(429, refused.status());
                assertEquals("application/problem+json", refused.header("Content-Type").orElse(""));
            }
            try (SseClient anotherKey = connect("", Map.of("X-API-Key", Gateway.WRITE_KEY))) {
                assertEquals(200, anotherKey.status(), "the cap is per caller, not for the whole gateway");
            }
            MeterRegistry meters = gateway.context().getBean(MeterRegistry.class);
            await().atMost(WAIT).until(() -> meters.get(ConnectionLimiter.GAUGE).gauge().value() == MAX_CONNECTIONS);
            open.remove(0).close();
            await().atMost(WAIT).until(() -> meters.get(ConnectionLimiter.GAUGE).gauge().value() == MAX_CONNECTIONS - 1);
            try (SseClient admitted = connect("")) {
                assertEquals(200, admitted.status());
                awaitReady(admitted);
            }
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void aClientResumingFromChangesTheTopicNoLongerKeepsIsToldOfTheGap() throws Exception {
        UUID company = ValuationChanges.company("Gap AI");
        String lastEventId;
        try (SseClient first = connect("?company=" + company)) {
            lastEventId = awaitReady(first).lastEventId();
        }
        ValuationChanges.Published lost = changes.change(company);
        ValuationChanges.Published kept = changes.change(company);
        TopicPartition partition = new TopicPartition(topic(), lost.partition());
        // what retention does to old segments, done at once
        admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(kept.offset()))).all().get();

        try (SseClient again = connect("?company=" + company, Map.of("Last-Event-ID", lastEventId))) {
            await().atMost(WAIT).until(() -> again.events(SseMessages.CHANGED).size() >= 1);
            List<SseClient.Message> events = again.events();
            assertEquals(List.of(SseMessages.READY, SseMessages.GAP, SseMessages.CHANGED),
                    events.stream().map(SseClient.Message::type).toList());
            assertTrue(events.get(1).data().contains("\"partition\":" + lost.partition()), events.get(1)::data);
            assertEquals(kept.json(), events.get(2).data());
        }
    }

    /** Exactly these arrive, in any order across partitions, and nothing else for a while after. */
    private static void assertDuring(SseClient client, List<ValuationChanges.Published> expected) {
        Set<String> wanted = Set.copyOf(ids(expected));
        await().atMost(WAIT).during(Duration.ofMillis(500)).until(() -> ids(client.events(SseMessages.CHANGED)),
                ids -> ids.size() == wanted.size() && Set.copyOf(ids).equals(wanted));
    }

    private static SseClient.Message awaitReady(SseClient client) {
        return await().atMost(WAIT).until(() -> client.events(SseMessages.READY), ready -> !ready.isEmpty()).get(0);
    }

    private static List<String> ids(List<?> items) {
        return items.stream().map(item -> item instanceof ValuationChanges.Published published ? published.id()
                : cloudEventId(((SseClient.Message) item).data())).toList();
    }

    private static String cloudEventId(String json) {
        int start = json.indexOf("\"id\":\"") + 6;
        return json.substring(start, json.indexOf('"', start));
    }

    private SseClient connect(String query) {
        return connect(query, Map.of());
    }

    private SseClient connect(String query, Map<String, String> headers) {
        Map<String, String> withKey = new java.util.HashMap<>(headers);
        withKey.putIfAbsent("X-API-Key", Gateway.READ_KEY);
        return SseClient.connect(gateway.uri("/api/valuation-changes/stream" + query), withKey);
    }

    private String topic() {
        return infra.topic(Topics.VALUATION_CHANGES);
    }
}
