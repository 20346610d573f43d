package io.aigcwatch.gateway.webhook;

import io.aigcwatch.events.Layer;
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
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Finished deliveries leave the log after the retention period; a pending one stays however old. */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookRetentionTest {
    private static final String ALICE = "alice;read";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestInfra infra;
    private WebhookReceiver receiver;
    private ValuationChanges changes;
    private Gateway gateway;
    private WebhookApi api;

    @BeforeAll
    void start(TestInfra infra) {
        this.infra = infra;
        receiver = WebhookReceiver.start();
        changes = new ValuationChanges(infra, JsonMapper.createDefault());
        gateway = WebhookApi.startGateway(infra, Map.of(
                "aigcwatch.gateway.webhooks.allow-private-targets", true,
                "aigcwatch.gateway.webhooks.retry-schedule", "1h",
                "aigcwatch.gateway.webhooks.retention", "2s",
                "aigcwatch.gateway.webhooks.cleanup-interval", "500ms"));
        api = new WebhookApi(gateway);
    }

    @AfterAll
    void stop() {
        gateway.close();
        changes.close();
        receiver.close();
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
        assertEquals(1, infra.queryLong("select count(*) from gateway.webhook_event"), "still needed by the pending one");
    }
}
