package io.aigcwatch.gateway.stream;

import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.SseClient;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one gateway gives all clients together: a bounded number of open streams and of catch-ups, each refused with
 * Retry-After past its cap, and no replay of a history longer than it serves.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamLimitsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int PARTITIONS = 2;
    private static final int MAX_REPLAY = 3;

    private final TestInfra infra = RealInfraExtension.forClass(StreamLimitsTest.class);
    private StreamGateway stream;
    private Gateway gateway;
    private ValuationChanges changes;

    @BeforeAll
    void start() throws ExecutionException, InterruptedException {
        stream = StreamGateway.start(infra, PARTITIONS, Map.of(
                "aigcwatch.gateway.stream.heartbeat", "400ms",
                "aigcwatch.gateway.stream.max-connections", 2,
                // no catch-up at all: every resume that has something to read is refused
                "aigcwatch.gateway.stream.max-catch-ups", 0,
                "aigcwatch.gateway.stream.max-replay", MAX_REPLAY,
                "aigcwatch.gateway.stream.busy-retry-after", "7s"));
        gateway = stream.gateway();
        changes = stream.changes();
    }

    @AfterEach
    void allStreamsClosed() {
        ConnectionLimiter limiter = gateway.context().getBean(ConnectionLimiter.class);
        await().atMost(WAIT).until(() -> limiter.open() == 0);
    }

    @AfterAll
    void stop() {
        stream.close();
    }

    @Test
    void oneStreamMoreThanTheGatewayServesIsRefusedWith503AndRetryAfterWhateverTheCaller() {
        try (SseClient reader = connect(Gateway.READ_KEY, Map.of());
             SseClient writer = connect(Gateway.WRITE_KEY, Map.of())) {
            awaitReady(reader);
            awaitReady(writer);

            try (SseClient admin = connect(Gateway.ADMIN_KEY, Map.of())) {
                assertBusy(admin, 503, "stream-capacity");
            }
        }
    }

    @Test
    void aResumeThatMustReadHistoryWhenNoCatchUpIsFreeIsRefusedWith503AndRetryAfter() {
        String lastEventId;
        try (SseClient first = connect(Gateway.READ_KEY, Map.of())) {
            lastEventId = awaitReady(first).lastEventId();
        }
        changes.change(ValuationChanges.company("Missed AI"));
        ChangeHub hub = stream.hub();
        await().atMost(WAIT).until(() -> StreamPosition.decode(lastEventId, "id").recordsBefore(hub.position()) > 0);
        allStreamsClosed();

        try (SseClient again = connect(Gateway.READ_KEY, Map.of("Last-Event-ID", lastEventId))) {
            assertBusy(again, 503, "catch-up-capacity");
        }
    }

    @Test
    void aLastEventIdAtTheStartOfTheTopicGetsAGapToReloadInsteadOfTheWholeHistoryThenLiveChanges() {
        for (int i = 0; i <= MAX_REPLAY; i++) {
            changes.change(ValuationChanges.company("History AI " + i));
        }
        String startOfTopic = "0-0.1-0";
        ChangeHub hub = stream.hub();
        await().atMost(WAIT).until(() -> StreamPosition.decode(startOfTopic, "id").recordsBefore(hub.position())
                > MAX_REPLAY);

        try (SseClient resumed = connect(Gateway.READ_KEY, Map.of("Last-Event-ID", startOfTopic))) {
            assertEquals(200, resumed.status(), resumed::errorBody);
            SseClient.Message ready = awaitReady(resumed);
            SseClient.Message gap = await().atMost(WAIT).until(() -> resumed.events(SseMessages.GAP),
                    gaps -> !gaps.isEmpty()).get(0);
            assertTrue(gap.data().contains("GET /api/valuation-changes"), gap::data);
            assertTrue(ready.data().contains("\"resumed\":false"), ready::data);
            assertEquals(0, StreamPosition.decode(ready.lastEventId(), "id").recordsBefore(hub.position()),
                    "the stream stands at now");

            ValuationChanges.Published live = changes.change(ValuationChanges.company("Live After Gap AI"));
            await().atMost(WAIT).until(() -> resumed.events(SseMessages.CHANGED).stream()
                    .anyMatch(event -> event.data().contains(live.event().id())));
            assertEquals(1, resumed.events(SseMessages.CHANGED).size(), "only the live change, no history");
        }
    }

    private static void assertBusy(SseClient refused, int status, String type) {
        assertEquals(status, refused.status(), refused::errorBody);
        assertEquals("7", refused.header("Retry-After").orElse(""));
        assertTrue(refused.header("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(refused.errorBody().contains(type), refused::errorBody);
    }

    private static SseClient.Message awaitReady(SseClient client) {
        return await().atMost(WAIT).until(() -> client.events(SseMessages.READY), ready -> !ready.isEmpty()).get(0);
    }

    private SseClient connect(String key, Map<String, String> headers) {
        Map<String, String> withKey = new HashMap<>(headers);
        withKey.put("X-API-Key", key);
        return SseClient.connect(gateway.uri("/api/valuation-changes/stream"), withKey);
    }
}
