package io.aigcwatch.notification.delivery;

import io.aigcwatch.events.Layer;
import io.aigcwatch.notification.support.ValuationChanges;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Finished deliveries leave the log after the retention period; a pending one stays however old. */
class WebhookRetentionTest extends WebhookServiceTest {
    @Override
    Map<String, Object> settings() {
        return Map.of(
                "aigcwatch.notification.webhooks.allow-private-targets", true,
                "aigcwatch.notification.webhooks.retry-schedule", "1h",
                "aigcwatch.notification.webhooks.retention", "2s",
                "aigcwatch.notification.webhooks.cleanup-interval", "500ms");
    }

    @Test
    void deliveredOnesGoAndPendingOnesStay() throws SQLException {
        Object done = api.register(ALICE, receiver.hookFor("/done", "Forgotten Co")).get("id");
        receiver.steadily("/waiting", 500);
        Object waiting = api.register(ALICE, receiver.hookFor("/waiting", "Forgotten Co")).get("id");

        changes.publish(ValuationChanges.change("Forgotten Co", "KR", Layer.APPLICATION, "1", "2"));

        await().atMost(WAIT).until(() -> receiver.at("/done").size() == 1 && receiver.at("/waiting").size() == 1);
        await().atMost(WAIT).until(() -> api.deliveries(ALICE, done).isEmpty());
        assertEquals(1, api.deliveries(ALICE, waiting).size(), "pending, with its retry an hour away");
        assertEquals(1, infra.queryLong("select count(*) from notification.webhook_event"), "still needed by the pending one");
    }
}
