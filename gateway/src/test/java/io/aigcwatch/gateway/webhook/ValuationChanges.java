package io.aigcwatch.gateway.webhook;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.valuation.StatusTransition;
import io.aigcwatch.events.valuation.UnicornStatus;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Publishes {@code valuation.changed} events as valuation-service does: structured-mode CloudEvents keyed by company
 * id, with the same source and content-type header, from a stock producer.
 */
final class ValuationChanges implements AutoCloseable {
    static final String SOURCE = "/aigcwatch/valuation-service";

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final JsonMapper json;

    ValuationChanges(TestInfra infra, JsonMapper json) {
        this.topic = infra.topic(Topics.VALUATION_CHANGES);
        this.json = json;
        createTopic(infra.bootstrapServers(), topic);
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    static UUID companyId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** A change of {@code company}'s valuation from {@code previousUsd} (null: none before) to {@code currentUsd}. */
    static ValuationChanged change(String company, @Nullable String country, @Nullable Layer layer,
                                   @Nullable String previousUsd, String currentUsd) {
        BigDecimal previous = previousUsd == null ? null : new BigDecimal(previousUsd);
        BigDecimal current = new BigDecimal(currentUsd);
        BigDecimal changePct = previous == null ? null : current.subtract(previous).multiply(BigDecimal.valueOf(100))
                .divide(previous, 2, RoundingMode.HALF_UP);
        UnicornStatus before = UnicornStatus.of(previous);
        UnicornStatus after = UnicornStatus.of(current);
        StatusTransition transition = StatusTransition.between(before, after);
        return new ValuationChanged(companyId(company), company, country, layer, previous, current, changePct, before,
                after, transition, LocalDate.of(2024, 5, 1), "REPORTED", "ROUND", UUID.randomUUID(),
                UUID.randomUUID(), transition == StatusTransition.LEFT ? "DOWN_ROUND" : null);
    }

    CloudEvent<ValuationChanged> publish(ValuationChanged change) {
        CloudEvent<ValuationChanged> event = CloudEvent.of(SOURCE, ValuationChanged.TYPE, change.companyId().toString(),
                Instant.now(), change);
        send(event);
        return event;
    }

    /** The event as it travels: the exact bytes a receiver must get. */
    String json(CloudEvent<?> event) {
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void send(CloudEvent<ValuationChanged> event) {
        sendRaw(event.data().companyId().toString(), json(event));
    }

    /** Any value at all, such as one no reader can parse, on the partition of {@code key}. */
    void sendRaw(String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", CloudEvent.STRUCTURED_JSON.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void createTopic(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
