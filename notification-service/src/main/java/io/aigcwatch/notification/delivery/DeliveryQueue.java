package io.aigcwatch.notification.delivery;

import io.aigcwatch.kit.jdbc.ColumnArrays;
import io.aigcwatch.notification.webhook.Webhook;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where an event waits for the dispatcher: stored once, with a pending delivery for each webhook that wants it. A
 * polled batch of events is queued with two statements, whatever its size: one for the events, one for their
 * deliveries, which are created (and so numbered) in the events' order.
 */
@Singleton
public class DeliveryQueue {
    private static final String STORE_EVENTS = """
            insert into webhook_event (event_id, payload)
            select cast(event_id as uuid), payload from unnest(?::text[], ?::text[]) as event(event_id, payload)
            on conflict do nothing""";
    private static final String ENQUEUE = """
            insert into webhook_delivery (id, webhook_id, event_id, status, next_attempt_at)
            select cast(id as uuid), cast(webhook_id as uuid), cast(event_id as uuid), 'PENDING', now()
            from unnest(?::text[], ?::text[], ?::text[]) with ordinality as delivery(id, webhook_id, event_id, position)
            order by position
            on conflict do nothing""";

    private final JdbcOperations jdbc;

    DeliveryQueue(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An event and the webhooks that want it.
     *
     * @param payload the event exactly as its publisher wrote it, so that what a receiver verifies is the event
     */
    public record Wanted(UUID eventId, String payload, List<Webhook> webhooks) {
    }

    /** Joins the caller's transaction, so that the deliveries exist exactly when the events count as taken in. */
    @Transactional
    public void enqueue(List<Wanted> events) {
        List<Object[]> stored = new ArrayList<>(events.size());
        List<Object[]> deliveries = new ArrayList<>();
        for (Wanted event : events) {
            stored.add(new Object[]{event.eventId(), event.payload()});
            for (Webhook webhook : event.webhooks()) {
                deliveries.add(new Object[]{UUID.randomUUID(), webhook.id(), event.eventId()});
            }
        }
        ColumnArrays.execute(jdbc.getConnection(), STORE_EVENTS, 2, stored);
        ColumnArrays.execute(jdbc.getConnection(), ENQUEUE, 3, deliveries);
    }
}
