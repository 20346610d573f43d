package io.aigcwatch.notification.delivery;

import io.aigcwatch.notification.support.NotificationService;
import io.aigcwatch.notification.support.ValuationChanges;
import io.aigcwatch.notification.support.WebhookApi;
import io.aigcwatch.notification.support.WebhookReceiver;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

/**
 * The service on its own share of the real servers, configured by the test, with a local receiver for its webhooks,
 * valuation changes to publish and its API: what every delivery test starts from, so each keeps only what it tests.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebhookServiceTest {
    static final String ALICE = "alice;read";
    static final Duration WAIT = Duration.ofSeconds(30);

    TestInfra infra;
    WebhookReceiver receiver;
    ValuationChanges changes;
    NotificationService service;
    WebhookApi api;

    /** The service's settings for this test; private targets are allowed, since the receiver listens on loopback. */
    abstract Map<String, Object> settings();

    @BeforeAll
    void start(TestInfra infra) {
        this.infra = infra;
        receiver = WebhookReceiver.start();
        service = NotificationService.start(infra, settings());
        api = new WebhookApi(service);
        changes = new ValuationChanges(infra, service.context().getBean(JsonMapper.class));
    }

    @AfterAll
    void stop() {
        service.close();
        changes.close();
        receiver.close();
    }
}
