package io.aigcwatch.valuation.intake;

import io.aigcwatch.events.Topics;
import io.aigcwatch.kit.kafka.TopicNames;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;

/** Parks a poison record on {@code funding.events.v1.dlt}, as it came, with the reason in its headers. */
@Singleton
class DeadLetters {
    static final String REASON = "dlt-reason";
    static final String ORIGIN = "dlt-origin";

    private final Producer<String, String> producer;
    private final TopicNames topics;

    DeadLetters(@KafkaClient(id = "dead-letters", acks = KafkaClient.Acknowledge.ALL) Producer<String, String> producer,
                TopicNames topics) {
        this.producer = producer;
        this.topics = topics;
    }

    /** Returns only once Kafka holds the record, so that the offset behind it may be committed. */
    void park(ConsumerRecord<String, String> poison, String reason) {
        ProducerRecord<String, String> parked = new ProducerRecord<>(topics.of(Topics.FUNDING_EVENTS_DLT), poison.key(),
                poison.value());
        parked.headers().add(REASON, reason.getBytes(StandardCharsets.UTF_8));
        parked.headers().add(ORIGIN, (poison.topic() + "/" + poison.partition() + "/" + poison.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(parked).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parking a poison record", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused the dead letter", e.getCause());
        }
    }
}
