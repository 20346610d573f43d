package io.aigcwatch.notification.delivery;

import io.aigcwatch.notification.webhook.Webhook;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/** Where an event waits for the dispatcher: stored once, with a pending delivery for each webhook that wants it. */
@Singleton
public class DeliveryQueue {
    private final DeliveryRepository deliveries;

    DeliveryQueue(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * Joins the caller's transaction, so that the deliveries exist exactly when the event counts as taken in.
     *
     * @param payload the event exactly as its publisher wrote it, so that what a receiver verifies is the event
     */
    @Transactional
    public void enqueue(UUID eventId, String payload, List<Webhook> webhooks) {
        deliveries.storeEvent(eventId, payload);
        for (Webhook webhook : webhooks) {
            deliveries.enqueue(UUID.randomUUID(), webhook.id(), eventId);
        }
    }
}
