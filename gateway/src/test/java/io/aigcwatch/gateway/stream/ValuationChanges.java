package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.valuation.StatusTransition;
import io.aigcwatch.events.valuation.UnicornStatus;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.testkit.TopicWriter;
import io.micronaut.json.JsonMapper;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Publishes {@code valuation.changed} as valuation-service does: a structured CloudEvent keyed by company id, with
 * its content-type header, from a stock producer that waits for the broker's ack.
 */
final class ValuationChanges implements AutoCloseable {
    private final TopicWriter topic;
    private final JsonMapper json;

    /** What was published, where it landed, and the exact text a stream client should receive as data. */
    record Published(CloudEvent<ValuationChanged> event, String json, int partition, long offset) {
        String id() {
            return event.id();
        }
    }

    ValuationChanges(String bootstrapServers, String topic, JsonMapper json) {
        this.topic = new TopicWriter(bootstrapServers, topic);
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
            RecordMetadata written = topic.send(event.subject(), value);
            return new Published(event, value, written.partition(), written.offset());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        topic.close();
    }
}
