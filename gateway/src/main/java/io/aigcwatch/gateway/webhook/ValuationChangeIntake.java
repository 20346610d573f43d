package io.aigcwatch.gateway.webhook;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.kit.inbox.CloudEventReader;
import io.aigcwatch.kit.inbox.PoisonMessage;
import io.aigcwatch.kit.inbox.ProcessedEvents;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * Turns one valuation change into a pending delivery for every active webhook that wants it, in one transaction
 * with the record of the event's id: a redelivered or replayed event creates no second delivery. The dispatcher
 * sends them. A record that can never be read is logged and skipped; valuation-service wrote it, and no retry here
 * can mend it.
 */
@Singleton
class ValuationChangeIntake {
    private static final Logger LOG = LoggerFactory.getLogger(ValuationChangeIntake.class);

    private final CloudEventReader reader;
    private final ProcessedEvents processed;
    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;

    ValuationChangeIntake(CloudEventReader reader, ProcessedEvents processed, WebhookRepository webhooks,
                          DeliveryRepository deliveries) {
        this.reader = reader;
        this.processed = processed;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
    }

    void accept(ConsumerRecord<String, String> record) {
        try {
            apply(record.value());
        } catch (PoisonMessage poison) {
            LOG.warn("Skipping {}/{}/{}: {}", record.topic(), record.partition(), record.offset(), poison.getMessage());
        }
    }

    @Transactional
    void apply(String value) {
        CloudEvent<JsonNode> event = reader.envelope(value);
        if (!ValuationChanged.TYPE.equals(event.type())) {
            return;
        }
        ValuationChanged change = reader.data(event, ValuationChanged.class);
        List<Webhook> wanting = webhooks.findByStatus(WebhookStatus.ACTIVE).stream()
                .filter(webhook -> webhook.filters().criteria().matches(change))
                .toList();
        // a change nobody wants changes nothing here, so there is nothing to remember it by: no write, no commit
        if (wanting.isEmpty() || !processed.firstTime(CloudEventReader.id(event), Topics.VALUATION_CHANGES)) {
            return;
        }
        UUID eventId = CloudEventReader.id(event);
        // the bytes valuation-service published, so that what a receiver verifies is exactly the event
        deliveries.storeEvent(eventId, value);
        for (Webhook webhook : wanting) {
            deliveries.enqueue(UUID.randomUUID(), webhook.id(), eventId);
        }
    }
}
