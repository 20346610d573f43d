package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.market.MarketRecomputed;
import io.aigcwatch.testkit.TopicWriter;
import io.micronaut.json.JsonMapper;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Publishes {@code market.recomputed} events as market-service's outbox relay does: structured CloudEvents from
 * {@code /aigcwatch/market-service} keyed by scope, with their content-type header, acknowledged by the broker.
 */
final class MarketRecomputes implements AutoCloseable {
    private static final String SOURCE = "/aigcwatch/market-service";

    private final TopicWriter topic;
    private final JsonMapper json;

    /** What was published, where it landed, and the exact text a stream client should receive as data. */
    record Published(CloudEvent<?> event, String json, int partition, long offset) {
        String id() {
            return event.id();
        }
    }

    /** Creates the topic with {@code partitions}, as market-service does, unless it is there. */
    MarketRecomputes(String bootstrapServers, String topic, int partitions, JsonMapper json) {
        this.topic = new TopicWriter(bootstrapServers, topic, partitions);
        this.json = json;
    }

    /** One value of {@code scope} that moved from {@code before} to {@code after}. */
    Published recomputed(String scope, String key, String before, String after) {
        return publish(scope, MarketRecomputed.TYPE, new MarketRecomputed(scope, 1, List.of(
                new MarketRecomputed.Change(key, new BigDecimal(before), new BigDecimal(after)))));
    }

    /** An event of another type on the topic, such as market-service may add. */
    Published other(String key, String type) {
        return publish(key, type, "not a recompute");
    }

    private Published publish(String key, String type, Object data) {
        CloudEvent<Object> event = CloudEvent.of(SOURCE, type, null, Instant.now().truncatedTo(ChronoUnit.MICROS), data);
        try {
            String value = json.writeValueAsString(event);
            RecordMetadata written = topic.send(key, value);
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
