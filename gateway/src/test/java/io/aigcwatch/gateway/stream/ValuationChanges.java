package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.valuation.StatusTransition;
import io.aigcwatch.events.valuation.UnicornStatus;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.micronaut.json.JsonMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Publishes {@code valuation.changed} as valuation-service does: a structured CloudEvent keyed by company id, with
 * its content-type header, from a stock producer that waits for the broker's ack.
 */
final class ValuationChanges implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final JsonMapper json;

    /** What was published, where it landed, and the exact text a stream client should receive as data. */
    record Published(CloudEvent<ValuationChanged> event, String json, int partition, long offset) {
        String id() {
            return event.id();
        }
    }

    ValuationChanges(String bootstrapServers, String topic, JsonMapper json) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        this.topic = topic;
        this.json = json;
    }

    static UUID company(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    Published change(UUID company, String country, Layer layer, String previousUsd, String currentUsd) {
        BigDecimal previous = previousUsd == null ? null : new BigDecimal(previousUsd);
        BigDecimal current = new BigDecimal(currentUsd);
        UnicornStatus before = UnicornStatus.of(previous);
        UnicornStatus after = UnicornStatus.of(current);
        StatusTransition transition = StatusTransition.between(before, after);
        BigDecimal changePct = previous == null ? null
                : current.subtract(previous).multiply(BigDecimal.valueOf(100)).divide(previous, 2, RoundingMode.HALF_EVEN);
        ValuationChanged change = new ValuationChanged(company, "Company " + company, country, layer, previous, current,
                changePct, before, after, transition, LocalDate.of(2024, 5, 1), "REPORTED", "ROUND", UUID.randomUUID(),
                UUID.randomUUID(), transition == StatusTransition.LEFT ? "DOWN_ROUND" : null);
        return publish(CloudEvent.of("/aigcwatch/valuation-service", ValuationChanged.TYPE, company.toString(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), change));
    }

    /** A change of a US model company from 2B to 2.2B: a unicorn, 10 percent up. */
    Published change(UUID company) {
        return change(company, "US", Layer.MODEL, "2000000000", "2200000000");
    }

    Published publish(CloudEvent<ValuationChanged> event) {
        try {
            String value = json.writeValueAsString(event);
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.subject(), value);
            record.headers().add("content-type", CloudEvent.STRUCTURED_JSON.getBytes(StandardCharsets.UTF_8));
            RecordMetadata written = producer.send(record).get();
            return new Published(event, value, written.partition(), written.offset());
        } catch (IOException | ExecutionException e) {
            throw new IllegalStateException(e);
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
