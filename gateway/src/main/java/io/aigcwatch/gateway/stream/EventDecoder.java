package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.kit.inbox.CloudEventReader;
import io.aigcwatch.kit.inbox.PoisonMessage;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/** Reads a record of a streamed topic, for the live hub and for a catch-up alike, so both send the same events. */
@Singleton
final class EventDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(EventDecoder.class);

    private final CloudEventReader reader;

    EventDecoder(CloudEventReader reader) {
        this.reader = reader;
    }

    /**
     * Empty for a record that is not of the feed's type or cannot be read: no client could use it, and it must not
     * stop the stream. Its offset still counts, so ids after it skip it on resume.
     */
    <T> Optional<PublishedEvent<T>> decode(ConsumerRecord<String, String> record, StreamPosition position,
                                           StreamFeed<T> feed) {
        try {
            CloudEvent<JsonNode> envelope = reader.envelope(record.value());
            if (!feed.eventType().equals(envelope.type())) {
                return Optional.empty();
            }
            T data = reader.data(envelope, feed.data());
            return Optional.of(new PublishedEvent<>(record.partition(), record.offset(), record.value(),
                    envelope.source(), data, position));
        } catch (PoisonMessage e) {
            LOG.warn("Skipping unreadable record {}-{} at offset {}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Optional.empty();
        }
    }
}
