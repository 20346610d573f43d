package io.aigcwatch.kit.inbox;

import io.aigcwatch.events.Topics;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;

/**
 * Parks a poison record on its topic's dead-letter topic ({@link Topics#dlt}), with its key, value and headers as
 * it came, and headers that say why, where from and which service parked it.
 */
@Singleton
class DeadLetters {
    private final Producer<String, String> producer;
    private final String consumer;

    DeadLetters(@KafkaClient(id = "dead-letters", acks = KafkaClient.Acknowledge.ALL) Producer<String, String> producer,
                @Value("${micronaut.application.name}") String consumer) {
        this.producer = producer;
        this.consumer = consumer;
    }

    /** Returns only once Kafka holds the record, so that the offset behind it may be committed. */
    void park(ConsumerRecord<String, String> poison, String reason) {
        Headers headers = new RecordHeaders(poison.headers().toArray());
        set(headers, Topics.DLT_REASON, reason);
        set(headers, Topics.DLT_ORIGIN, ConsumedEvent.origin(poison));
        set(headers, Topics.DLT_CONSUMER, consumer);
        // the poison's topic is already prefixed, so its dead-letter topic is too
        ProducerRecord<String, String> parked = new ProducerRecord<>(Topics.dlt(poison.topic()), null, poison.key(),
                poison.value(), headers);
        try {
            producer.send(parked).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parking a poison record", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the dead letter", e.getCause());
        }
    }

    /** A record parked again (replayed from its dead-letter topic, poison still) keeps only the latest reason. */
    private static void set(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
