package io.aigcwatch.notification.delivery;

import io.aigcwatch.events.Layer;
import io.aigcwatch.notification.support.SilentReceiver;
import io.aigcwatch.notification.support.ValuationChanges;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An attempt ends when its time is up, however its receiver behaves: one that never answers, and one that answers a
 * byte at a time, fast enough that no single read times out, both fail the attempt after the 1 s timeout and give
 * its slot back. Fair dispatch relies on this: a capped owner's slots come back.
 */
class AttemptDeadlineTest extends WebhookServiceTest {
    private static final Duration WELL_WITHIN = Duration.ofSeconds(15);

    private SilentReceiver silent;
    private SilentReceiver trickling;

    @Override
    Map<String, Object> settings() {
        return Map.of(
                "aigcwatch.notification.webhooks.allow-private-targets", true,
                "aigcwatch.notification.webhooks.timeout", "1s",
                "aigcwatch.notification.webhooks.retry-schedule", "1h");
    }

    @BeforeAll
    void startReceivers() {
        silent = SilentReceiver.start();
        trickling = SilentReceiver.trickling();
    }

    @AfterAll
    void stopReceivers() {
        silent.close();
        trickling.close();
    }

    @Test
    void aReceiverThatNeverAnswersFailsTheAttemptAtTheTimeout() {
        assertCutOff(silent, "Silent Co");
        assertEquals(1, silent.accepted());
    }

    @Test
    void aReceiverThatTricklesItsAnswerIsCutOffAtTheTimeout() {
        assertCutOff(trickling, "Trickle Co");
        await().atMost(WELL_WITHIN).until(() -> trickling.hungUp() == 1);
        assertTrue(trickling.accepted() == 1, "one attempt, not retried before its schedule says");
    }

    /** A change for {@code company} goes to {@code receiver}; its one attempt fails with the timeout. */
    private void assertCutOff(SilentReceiver receiver, String company) {
        Object id = api.register(ALICE, """
                {"url": "%s", "filters": {"companies": ["%s"]}}""".formatted(receiver.url("/hook"), company)).get("id");

        changes.publish(ValuationChanges.change(company, "US", Layer.MODEL, "100000000", "200000000"));

        await().atMost(WELL_WITHIN).until(() -> api.deliveries(ALICE, id).size() == 1
                && api.deliveries(ALICE, id).get(0).get("lastError") != null);
        Map<String, Object> delivery = api.deliveries(ALICE, id).get(0);
        assertEquals("no answer within the timeout", delivery.get("lastError"));
        assertEquals(1, delivery.get("attempts"));
    }
}
