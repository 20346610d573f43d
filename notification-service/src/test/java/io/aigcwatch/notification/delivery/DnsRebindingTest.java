package io.aigcwatch.notification.delivery;

import io.aigcwatch.events.Layer;
import io.aigcwatch.notification.support.NotificationService;
import io.aigcwatch.notification.support.ValuationChanges;
import io.aigcwatch.notification.support.WebhookApi;
import io.aigcwatch.notification.support.WebhookReceiver;
import io.aigcwatch.notification.target.ScriptedHostResolver;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 11: the SSRF check resolved the host, then the HTTP client resolved it again, so a DNS server answering
 * differently the second time chose where the delivery went. Here a scripted resolver answers the checked address
 * (127.0.0.1) to the attempt's check and another one (127.0.0.2, where a second receiver listens on the same port)
 * to every lookup after: the delivery must reach the checked one, with the URL's name as Host, after one lookup.
 * Loopback targets are allowed here, so that both receivers can run on this machine; what is under test is that the
 * connection goes to the address that was checked.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DnsRebindingTest {
    private static final String ALICE = "alice;read";
    private static final String HOST = "rebinding.example";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private WebhookReceiver checked;
    private WebhookReceiver rebound;
    private ValuationChanges changes;
    private NotificationService service;
    private WebhookApi api;
    private ScriptedHostResolver dns;

    @BeforeAll
    void start(TestInfra infra) throws UnknownHostException {
        checked = WebhookReceiver.start();
        rebound = WebhookReceiver.startOn(InetAddress.getByName("127.0.0.2"), checked.port());
        service = NotificationService.start(infra, Map.of(
                "aigcwatch.notification.webhooks.allow-private-targets", true,
                "test.scripted-dns", true));
        api = new WebhookApi(service);
        dns = service.context().getBean(ScriptedHostResolver.class);
        changes = new ValuationChanges(infra, service.context().getBean(JsonMapper.class));
    }

    @AfterAll
    void stop() {
        service.close();
        changes.close();
        checked.close();
        rebound.close();
    }

    @Test
    void theAttemptConnectsToTheAddressItsCheckResolvedNotToALaterAnswer() throws UnknownHostException {
        dns.answer(HOST, "127.0.0.1");
        String url = "http://" + HOST + ":" + checked.port() + "/rebind";
        Map<String, Object> webhook = api.register(ALICE, """
                {"url": "%s", "filters": {"companies": ["Rebinding Labs"]}}""".formatted(url));
        int atRegistration = dns.lookups(HOST);
        dns.answer(HOST, "127.0.0.1", "127.0.0.2");

        changes.publish(ValuationChanges.change("Rebinding Labs", "US", Layer.MODEL, "100000000", "150000000"));

        await().atMost(WAIT).until(() -> checked.at("/rebind").size() == 1);
        await().atMost(WAIT).until(() -> "DELIVERED".equals(api.deliveries(ALICE, webhook.get("id")).get(0).get("status")));
        assertEquals(HOST + ":" + checked.port(), checked.at("/rebind").get(0).header("host"));
        assertEquals(List.of(), rebound.at("/rebind"), "the later answer got nothing");
        assertEquals(atRegistration + 1, dns.lookups(HOST), "one lookup for the attempt: its check's");
    }
}
