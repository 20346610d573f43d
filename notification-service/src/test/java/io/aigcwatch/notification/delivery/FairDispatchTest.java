package io.aigcwatch.notification.delivery;

import io.aigcwatch.events.Layer;
import io.aigcwatch.notification.support.NotificationService;
import io.aigcwatch.notification.support.SilentReceiver;
import io.aigcwatch.notification.support.ValuationChanges;
import io.aigcwatch.notification.support.WebhookApi;
import io.aigcwatch.notification.support.WebhookReceiver;
import io.aigcwatch.notification.webhook.WebhookConfig;
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

/**
 * Issue 11: one key with 100 webhooks at a receiver that never answers took every delivery slot, so every other key's
 * deliveries waited for its timeouts. Here, with the shipped slot settings, the hog's 100 webhooks sit at a receiver
 * that accepts and never answers, with a timeout of two minutes; another key's delivery must still arrive within
 * seconds, while the hog holds no more than its per-key cap of attempts.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FairDispatchTest {
    private static final String HOG = "hog;read";
    private static final String FAIR = "fair;read";
    private static final int HOG_WEBHOOKS = 100;
    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    private TestInfra infra;
    private SilentReceiver silent;
    private WebhookReceiver healthy;
    private ValuationChanges changes;
    private NotificationService service;
    private WebhookApi api;
    private int perOwner;

    @BeforeAll
    void start(TestInfra infra) {
        this.infra = infra;
        silent = SilentReceiver.start();
        healthy = WebhookReceiver.start();
        service = NotificationService.start(infra, Map.of(
                "aigcwatch.notification.webhooks.allow-private-targets", true,
                "aigcwatch.notification.webhooks.timeout", "120s"));
        api = new WebhookApi(service);
        perOwner = service.context().getBean(WebhookConfig.class).maxInFlightPerOwner();
        changes = new ValuationChanges(infra, service.context().getBean(JsonMapper.class));
    }

    @AfterAll
    void stop() {
        service.close();
        changes.close();
        silent.close();
        healthy.close();
    }

    @Test
    void aKeyWhoseReceiversNeverAnswerCannotDelayAnotherKeysDelivery() throws SQLException {
        for (int i = 0; i < HOG_WEBHOOKS; i++) {
            api.register(HOG, """
                    {"url": "%s", "filters": {"companies": ["Hog Holdings"]}}""".formatted(silent.url("/hog/" + i)));
        }
        api.register(FAIR, healthy.hookFor("/fair", "Fair Dealings"));

        changes.publish(ValuationChanges.change("Hog Holdings", "US", Layer.MODEL, "100000000", "200000000"));
        await().atMost(Duration.ofSeconds(30)).until(() -> silent.accepted() >= perOwner);
        changes.publish(ValuationChanges.change("Fair Dealings", "US", Layer.MODEL, "100000000", "200000000"));

        await().atMost(PROMPTLY).until(() -> healthy.at("/fair").size() == 1);
        assertEquals(perOwner, silent.accepted(), "the hog holds its cap of attempts, no more");
        assertEquals(HOG_WEBHOOKS - perOwner, infra.queryLong("""
                select count(*) from notification.webhook_delivery where attempts = 0 and status = 'PENDING'"""),
                "the rest of the hog's deliveries wait their turn");
    }
}
