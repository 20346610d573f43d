package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.kit.inbox.CloudEventReader;
import io.aigcwatch.kit.inbox.PoisonMessage;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Reads a record of the change topic, for the live hub and for a catch-up alike, so both send the same events. */
@Singleton
final class ChangeDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeDecoder.class);

    private final CloudEventReader reader;

    ChangeDecoder(CloudEventReader reader) {
        this.reader = reader;
    }

    /**
     * Empty for a record that is no {@code valuation.changed} or cannot be read: no client could use it, and it
     * must not stop the stream. Its offset still counts, so ids after it skip it on resume.
     */
    Optional<PublishedChange> decode(ConsumerRecord<String, String> record, StreamPosition position) {
        try {
            CloudEvent<JsonNode> envelope = reader.envelope(record.value());
            if (!ValuationChanged.TYPE.equals(envelope.type())) {
                return Optional.empty();
            }
            ValuationChanged change = reader.data(envelope, ValuationChanged.class);
            return Optional.of(new PublishedChange(record.partition(), record.offset(), record.value(), change, position));
        } catch (PoisonMessage e) {
            LOG.warn("Skipping unreadable record {}-{} at offset {}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Optional.empty();
        }
    }
}
