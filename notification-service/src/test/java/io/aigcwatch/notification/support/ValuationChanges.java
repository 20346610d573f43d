package io.aigcwatch.notification.support;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.valuation.StatusTransition;
import io.aigcwatch.events.valuation.UnicornStatus;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.testkit.TestInfra;
import io.aigcwatch.testkit.TopicWriter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Publishes {@code valuation.changed} events as valuation-service does: structured-mode CloudEvents keyed by company
 * id, with the same source and content-type header, from a stock producer.
 */
public final class ValuationChanges implements AutoCloseable {
    public static final String SOURCE = "/aigcwatch/valuation-service";

    private final TopicWriter topic;
    private final JsonMapper json;

    public ValuationChanges(TestInfra infra, JsonMapper json) {
        this.topic = new TopicWriter(infra.bootstrapServers(), infra.topic(Topics.VALUATION_CHANGES), 3);
        this.json = json;
    }

    public static UUID companyId(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /** A change of {@code company}'s valuation from {@code previousUsd} (null: none before) to {@code currentUsd}. */
    public static ValuationChanged change(String company, @Nullable String country, @Nullable Layer layer,
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

    public CloudEvent<ValuationChanged> publish(ValuationChanged change) {
        CloudEvent<ValuationChanged> event = CloudEvent.of(SOURCE, ValuationChanged.TYPE, change.companyId().toString(),
                Instant.now(), change);
        send(event);
        return event;
    }

    /** The event as it travels: the exact bytes a receiver must get. */
    public String json(CloudEvent<?> event) {
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(CloudEvent<ValuationChanged> event) {
        sendRaw(event.data().companyId().toString(), json(event));
    }

    /** Any value at all, such as one no reader can parse, on the partition of {@code key}. */
    public void sendRaw(String key, String value) {
        topic.send(key, value);
    }

    @Override
    public void close() {
        topic.close();
    }
}
