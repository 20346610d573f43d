package io.aigcwatch.notification.intake;

import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.kit.inbox.BatchHandler;
import io.aigcwatch.kit.inbox.ConsumedEvent;
import io.aigcwatch.kit.inbox.PoisonMessage;
import io.aigcwatch.notification.delivery.DeliveryQueue;
import io.aigcwatch.notification.webhook.Webhook;
import io.aigcwatch.notification.webhook.WebhookRepository;
import io.aigcwatch.notification.webhook.WebhookStatus;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns each valuation change of a polled batch into a pending delivery for every active webhook that wants it. The
 * inbox calls it in the transaction that stores the events' ids, so a redelivered or replayed change creates no
 * second delivery, and it parks what can never apply. One read of the webhooks per batch rather than per change:
 * under load a poll returns many changes, and most of them are wanted by nobody; and one write of the wanted ones and
 * their deliveries per batch, with two statements.
 */
@Singleton
class ValuationChangeIntake implements BatchHandler {
    private final WebhookRepository webhooks;
    private final DeliveryQueue deliveries;

    ValuationChangeIntake(WebhookRepository webhooks, DeliveryQueue deliveries) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
    }

    @Override
    public void apply(List<ConsumedEvent> events) {
        Map<Webhook, Predicate<ValuationChanged>> active = new LinkedHashMap<>();
        webhooks.findByStatus(WebhookStatus.ACTIVE).forEach(webhook -> active.put(webhook, webhook.wanted()));
        List<DeliveryQueue.Wanted> wanted = new ArrayList<>();
        for (ConsumedEvent event : events) {
            if (!ValuationChanged.TYPE.equals(event.type())) {
                throw new PoisonMessage("unknown event type '" + event.type() + "'");
            }
            ValuationChanged change = event.data(ValuationChanged.class);
            List<Webhook> wanting = new ArrayList<>(active.size());
            active.forEach((webhook, wants) -> {
                if (wants.test(change)) {
                    wanting.add(webhook);
                }
            });
            if (!wanting.isEmpty()) {
                // the bytes valuation-service published, so that what a receiver verifies is exactly the event
                wanted.add(new DeliveryQueue.Wanted(event.id(), event.published(), wanting));
            }
        }
        if (!wanted.isEmpty()) {
            deliveries.enqueue(wanted);
        }
    }
}
