package io.aigcwatch.notification.support;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.market.MarketRecomputed;
import io.aigcwatch.testkit.TestInfra;
import io.aigcwatch.testkit.TopicWriter;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Publishes {@code market.recomputed} events as market-service's outbox relay does: structured-mode CloudEvents from
 * {@code /aigcwatch/market-service}, keyed by scope, with the content-type header, on a topic of several partitions.
 */
public final class MarketEvents implements AutoCloseable {
    public static final String SOURCE = "/aigcwatch/market-service";

    private final TopicWriter topic;
    private final JsonMapper json;

    public MarketEvents(TestInfra infra, JsonMapper json) {
        this.topic = new TopicWriter(infra.bootstrapServers(), infra.topic(Topics.MARKET_PROJECTIONS), 3);
        this.json = json;
    }

    /** One value of {@code scope} that moved from {@code before} to {@code after}. */
    public CloudEvent<MarketRecomputed> recomputed(String scope, String key, String before, String after) {
        return recomputedAt(scope, key, before, after, Instant.now());
    }

    /** As {@link #recomputed}, published at {@code time}, as an event read late from a backlog carries it. */
    public CloudEvent<MarketRecomputed> recomputedAt(String scope, String key, String before, String after,
                                                     Instant time) {
        MarketRecomputed data = new MarketRecomputed(scope, 1, List.of(
                new MarketRecomputed.Change(key, new BigDecimal(before), new BigDecimal(after))));
        CloudEvent<MarketRecomputed> event = CloudEvent.of(SOURCE, MarketRecomputed.TYPE, null,
                time.truncatedTo(ChronoUnit.MICROS), data);
        send(scope, json(event));
        return event;
    }

    /** An event of another type on the topic, such as market-service may add. */
    public CloudEvent<String> other(String type) {
        CloudEvent<String> event = CloudEvent.of(SOURCE, type, null, Instant.now().truncatedTo(ChronoUnit.MICROS),
                "something else");
        send("other", json(event));
        return event;
    }

    /** The same event again, as a relay that published it but crashed before marking it sent does. */
    public void redeliver(CloudEvent<MarketRecomputed> event) {
        send(event.data().scope(), json(event));
    }

    /** The event as it travels: the exact bytes a receiver must get. */
    public String json(CloudEvent<?> event) {
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void send(String key, String value) {
        topic.send(key, value);
    }

    @Override
    public void close() {
        topic.close();
    }
}
