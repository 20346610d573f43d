package io.aigcwatch.notification.intake;

import io.aigcwatch.kit.inbox.ConsumedEvent;
import io.aigcwatch.notification.delivery.DeliveryQueue;
import io.aigcwatch.notification.webhook.Webhook;
import io.aigcwatch.notification.webhook.WebhookEvents;
import io.aigcwatch.notification.webhook.WebhookRepository;
import io.aigcwatch.notification.webhook.WebhookStatus;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns a polled batch of events into a pending delivery for every active webhook of their kind that wants each,
 * whatever the topic: valuation changes and new rounds are matched and queued by this one code, and from the queue on
 * nothing tells them apart. One read of the webhooks per batch rather than per event: under load a poll returns many
 * events, and most of them are wanted by nobody; and one write of the wanted ones and their deliveries per batch.
 */
@Singleton
class WebhookFanOut {
    private final WebhookRepository webhooks;
    private final DeliveryQueue deliveries;

    WebhookFanOut(WebhookRepository webhooks, DeliveryQueue deliveries) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
    }

    /**
     * @param read    an event's data, or empty for an event no webhook of this kind is sent (it is still taken in, so
     *                that it is never read again); throws {@link io.aigcwatch.kit.inbox.PoisonMessage} for one that
     *                can never apply
     * @param filterOf a webhook's filters, read once for the whole batch
     */
    <T> void fanOut(List<ConsumedEvent> events, WebhookEvents kind, Function<ConsumedEvent, Optional<T>> read,
                    Function<Webhook, Predicate<T>> filterOf) {
        Map<Webhook, Predicate<T>> active = new LinkedHashMap<>();
        webhooks.findByStatusAndEvents(WebhookStatus.ACTIVE, kind)
                .forEach(webhook -> active.put(webhook, filterOf.apply(webhook)));
        List<DeliveryQueue.Wanted> wanted = new ArrayList<>();
        for (ConsumedEvent event : events) {
            Optional<T> data = read.apply(event);
            if (data.isEmpty()) {
                continue;
            }
            List<Webhook> wanting = new ArrayList<>(active.size());
            active.forEach((webhook, wants) -> {
                if (wants.test(data.get())) {
                    wanting.add(webhook);
                }
            });
            if (!wanting.isEmpty()) {
                // the bytes the publisher wrote, so that what a receiver verifies is exactly the event
                wanted.add(new DeliveryQueue.Wanted(event.id(), event.published(), wanting));
            }
        }
        if (!wanted.isEmpty()) {
            deliveries.enqueue(wanted);
        }
    }
}
