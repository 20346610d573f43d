package io.aigcwatch.notification.intake;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.kit.inbox.CloudEventReader;
import io.aigcwatch.kit.inbox.PoisonMessage;
import io.aigcwatch.kit.inbox.ProcessedEvents;
import io.aigcwatch.notification.delivery.DeliveryQueue;
import io.aigcwatch.notification.webhook.Webhook;
import io.aigcwatch.notification.webhook.WebhookRepository;
import io.aigcwatch.notification.webhook.WebhookStatus;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns each valuation change of a polled batch into a pending delivery for every active webhook that wants it, in one
 * transaction with the record of each event's id: a redelivered or replayed event creates no second delivery. The
 * dispatcher sends them. One transaction and one read of the webhooks per batch rather than per change: under load a
 * poll returns many changes, and most of them are wanted by nobody. A record that can never be read is logged and
 * skipped; valuation-service wrote it, and no retry here can mend it.
 */
@Singleton
class ValuationChangeIntake {
    private static final Logger LOG = LoggerFactory.getLogger(ValuationChangeIntake.class);

    private final CloudEventReader reader;
    private final ProcessedEvents processed;
    private final WebhookRepository webhooks;
    private final DeliveryQueue deliveries;

    ValuationChangeIntake(CloudEventReader reader, ProcessedEvents processed, WebhookRepository webhooks,
                          DeliveryQueue deliveries) {
        this.reader = reader;
        this.processed = processed;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
    }

    @Transactional
    void accept(List<ConsumerRecord<String, String>> records) {
        List<Webhook> active = null;
        for (ConsumerRecord<String, String> record : records) {
            Optional<Change> change = read(record);
            if (change.isEmpty()) {
                continue;
            }
            if (active == null) {
                active = webhooks.findByStatus(WebhookStatus.ACTIVE);
            }
            enqueue(change.get(), active);
        }
    }

    private Optional<Change> read(ConsumerRecord<String, String> record) {
        try {
            CloudEvent<JsonNode> event = reader.envelope(record.value());
            if (!ValuationChanged.TYPE.equals(event.type())) {
                return Optional.empty();
            }
            return Optional.of(new Change(CloudEventReader.id(event), reader.data(event, ValuationChanged.class),
                    record.value()));
        } catch (PoisonMessage poison) {
            LOG.warn("Skipping {}/{}/{}: {}", record.topic(), record.partition(), record.offset(), poison.getMessage());
            return Optional.empty();
        }
    }

    private void enqueue(Change change, List<Webhook> active) {
        List<Webhook> wanting = active.stream()
                .filter(webhook -> webhook.wants(change.data()))
                .toList();
        // a change nobody wants changes nothing here, so there is nothing to remember it by: no write
        if (wanting.isEmpty() || !processed.firstTime(change.eventId(), Topics.VALUATION_CHANGES)) {
            return;
        }
        // the bytes valuation-service published, so that what a receiver verifies is exactly the event
        deliveries.enqueue(change.eventId(), change.published(), wanting);
    }

    /** @param published the record's value as valuation-service wrote it */
    private record Change(UUID eventId, ValuationChanged data, String published) {
    }
}
