package io.aigcwatch.kit.inbox;

import io.micronaut.core.annotation.Nullable;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.UUID;

/** A consumed record read as a CloudEvent, as the {@link Inbox} hands it to an {@link EventHandler}. */
public final class ConsumedEvent {
    private final ConsumerRecord<String, String> record;
    private final EventHeader header;
    private final UUID id;
    private final CloudEventReader reader;

    ConsumedEvent(ConsumerRecord<String, String> record, CloudEventReader reader) {
        this.record = record;
        this.reader = reader;
        this.header = reader.header(record.value());
        this.id = CloudEventReader.id(header.id());
    }

    /** The event's id, which the inbox dedups on: the same on every redelivery. */
    public UUID id() {
        return id;
    }

    public String type() {
        return header.type();
    }

    @Nullable
    public String subject() {
        return header.subject();
    }

    /** The record's value exactly as the producer wrote it, for a consumer that passes the event on unchanged. */
    public String published() {
        return record.value();
    }

    /** The event's data as {@code type}; a {@link PoisonMessage} if it does not fit. */
    public <T> T data(Class<T> type) {
        return reader.data(record.value(), type);
    }

    ConsumerRecord<String, String> record() {
        return record;
    }

    /** Where the record came from, as {@code topic/partition/offset}. */
    public String origin() {
        return origin(record);
    }

    static String origin(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "/" + record.offset();
    }
}
