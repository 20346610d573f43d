package io.aigcwatch.gateway.webhook;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks and their deliveries are rows: they outlive the gateway that made them, and gateways that share them
 * never send one delivery twice.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookInstancesTest {
    private static final String ALICE = "alice;read";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestInfra infra;
    private WebhookReceiver receiver;
    private ValuationChanges changes;

    @BeforeAll
    void start(TestInfra infra) {
        this.infra = infra;
        receiver = WebhookReceiver.start();
        changes = new ValuationChanges(infra, JsonMapper.createDefault());
    }

    @AfterAll
    void stop() {
        changes.close();
        receiver.close();
    }

    @Test
    void aRetryPendingWhenTheGatewayStopsIsMadeByTheNextOne() throws SQLException {
        receiver.answer("/restart", 500);
        Object id;
        String deliveryId;
        try (Gateway first = gateway(true)) {
            WebhookApi api = new WebhookApi(first);
            id = api.register(ALICE, receiver.hookFor("/restart", "Restart Survivors Ltd")).get("id");
            changes.publish(ValuationChanges.change("Restart Survivors Ltd", "SG", Layer.MODEL, "5", "6"));

            await().atMost(WAIT).until(() -> api.deliveries(ALICE, id).size() == 1
                    && Integer.valueOf(500).equals(api.deliveries(ALICE, id).get(0).get("lastStatus")));
            Map<String, Object> pending = api.deliveries(ALICE, id).get(0);
            assertEquals("PENDING", pending.get("status"));
            assertEquals(1, pending.get("attempts"));
            deliveryId = (String) pending.get("id");
        }
        assertEquals(1, infra.queryLong("select count(*) from gateway.webhook_delivery where status = 'PENDING'"
                + " and attempts = 1 and id = '" + deliveryId + "'"), "the retry is left to the next gateway");

        try (Gateway second = gateway(true)) {
            WebhookApi api = new WebhookApi(second);
            await().atMost(WAIT).until(() -> "DELIVERED".equals(api.deliveries(ALICE, id).get(0).get("status")));
            Map<String, Object> delivered = api.deliveries(ALICE, id).get(0);
            assertEquals(deliveryId, delivered.get("id"));
            assertEquals(2, delivered.get("attempts"));
            List<WebhookReceiver.Received> received = receiver.at("/restart");
            assertEquals(2, received.size());
            assertTrue(received.stream().allMatch(r -> deliveryId.equals(r.header("webhook-id"))));
        }
    }

    @Test
    void aTargetIsCheckedAgainAtDeliveryTime() {
        Object id;
        try (Gateway permissive = gateway(true)) {
            id = new WebhookApi(permissive).register(ALICE, receiver.hookFor("/now-private", "Rechecked Inc")).get("id");
        }

        try (Gateway strict = gateway(false)) {
            WebhookApi api = new WebhookApi(strict);
            CloudEvent<ValuationChanged> event = changes.publish(
                    ValuationChanges.change("Rechecked Inc", "SG", Layer.MODEL, "5", "6"));

            await().atMost(WAIT).until(() -> api.deliveries(ALICE, id).size() == 1
                    && Integer.valueOf(1).equals(api.deliveries(ALICE, id).get(0).get("attempts"))
                    && api.deliveries(ALICE, id).get(0).get("lastError") != null);
            Map<String, Object> refused = api.deliveries(ALICE, id).get(0);
            assertEquals(event.id(), refused.get("eventId"));
            assertTrue(((String) refused.get("lastError")).contains("loopback"), refused::toString);
            assertEquals(List.of(), receiver.at("/now-private"));
        }
    }

    @Test
    void twoGatewaysSendEachDeliveryOnce() throws SQLException {
        try (Gateway one = gateway(true); Gateway two = gateway(true)) {
            WebhookApi api = new WebhookApi(one);
            Object id = api.register(ALICE, receiver.hookFor("/shared", "Shared Load AI")).get("id");
            int events = 60;
            for (int i = 0; i < events; i++) {
                changes.publish(ValuationChanges.change("Shared Load AI", "SG", Layer.MODEL, "" + (100 + i), "" + (101 + i)));
            }

            await().atMost(WAIT).until(() -> receiver.at("/shared").size() >= events);
            await().atMost(WAIT).until(() -> infra.queryLong("select count(*) from gateway.webhook_delivery"
                    + " where status = 'DELIVERED' and webhook_id = '" + id + "'") == events);
            List<String> ids = receiver.at("/shared").stream().map(r -> r.header("webhook-id")).toList();
            assertEquals(events, ids.size());
            assertEquals(events, Set.copyOf(ids).size());
            assertEquals(0, infra.queryLong("select count(*) from gateway.webhook_delivery"
                    + " where webhook_id = '" + id + "' and attempts <> 1"));
        }
    }

    private Gateway gateway(boolean allowPrivateTargets) {
        return WebhookApi.startGateway(infra, Map.of(
                "aigcwatch.gateway.webhooks.allow-private-targets", allowPrivateTargets,
                "aigcwatch.gateway.webhooks.retry-schedule", "4s"));
    }
}
