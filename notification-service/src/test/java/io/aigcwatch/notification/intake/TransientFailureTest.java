package io.aigcwatch.notification.intake;

import io.aigcwatch.events.Layer;
import io.aigcwatch.notification.support.NotificationService;
import io.aigcwatch.notification.support.ValuationChanges;
import io.aigcwatch.notification.support.WebhookApi;
import io.aigcwatch.notification.support.WebhookReceiver;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.RefusedInserts;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A failure that passes never skips a valuation change: while PostgreSQL refuses the last write of each polled
 * batch's transaction (the pending deliveries, after the events' ids and the events themselves), the intake fails
 * and rolls everything back; once the database takes writes again, every change is queued for its webhook, once.
 */
@ExtendWith(RealInfraExtension.class)
class TransientFailureTest {
    private static final int CHANGES = 9;

    /**
     * The changes wait while notification-service starts, so that its first poll, the one that brings its
     * partitions, also brings them and fails: micronaut-kafka 5.9 knows no offsets to rewind to for partitions
     * assigned during that poll, and left to itself it would go on past them.
     */
    @Test
    void aPassingFailureIsRetriedUntilEveryChangeIsQueuedForItsWebhook(TestInfra infra) throws Exception {
        List<String> companies = IntStream.range(0, CHANGES).mapToObj(i -> "Refused For A While " + i).toList();
        try (WebhookReceiver receiver = WebhookReceiver.start();
             ValuationChanges changes = new ValuationChanges(infra, JsonMapper.createDefault())) {
            try (NotificationService registry = start(infra)) {
                new WebhookApi(registry).register("alice;read", """
                        {"url": "%s", "filters": {"companies": [%s]}}""".formatted(receiver.url("/refused"),
                        companies.stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(", "))));
            }

            Set<String> published = new HashSet<>();
            try (RefusedInserts refused = RefusedInserts.into(infra, "notification.webhook_delivery")) {
                for (String company : companies) {
                    published.add(changes.json(changes.publish(
                            ValuationChanges.change(company, "US", Layer.MODEL, null, "2000000000"))));
                }
                try (NotificationService service = start(infra)) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> refused.count() >= 3);
                    assertEquals(0, infra.queryLong("select count(*) from notification.processed_event"),
                            "no refused transaction left an event's id behind");
                    assertEquals(0, infra.queryLong("select count(*) from notification.webhook_event"));
                    refused.close();

                    await().atMost(Duration.ofSeconds(60)).until(() -> receiver.at("/refused").size() >= CHANGES);
                }
            }
            assertEquals(published, receiver.at("/refused").stream().map(WebhookReceiver.Received::body)
                    .collect(Collectors.toSet()), "every change arrived");
            assertEquals(CHANGES, infra.queryLong("select count(*) from notification.webhook_delivery"), "each once");
            assertEquals(CHANGES, infra.queryLong("select count(*) from notification.processed_event"));
        }
    }

    private static NotificationService start(TestInfra infra) {
        return NotificationService.start(infra, Map.of("aigcwatch.notification.webhooks.allow-private-targets", true));
    }
}
