package io.aigcwatch.market.recompute;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.market.MarketRecomputed;
import io.aigcwatch.kit.outbox.Outbox;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Publishes what moved in one scope since it was last published. The stored baseline, the new values and the
 * {@code market.recomputed} event commit together or not at all, so a failed recompute leaves the baseline as it
 * was and the next one publishes the same move; and the scope's baseline row stays locked from before the outputs
 * are read until the commit, so two recomputes of a scope never both publish one move.
 */
@Singleton
class ScopePublisher {
    static final String SOURCE = "/aigcwatch/market-service";
    private static final Argument<Map<String, BigDecimal>> VALUES = Argument.mapOf(String.class, BigDecimal.class);

    private final OutputBaselineRepository baselines;
    private final Outbox outbox;
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final Clock clock;

    ScopePublisher(OutputBaselineRepository baselines, Outbox outbox, TransactionOperations<Connection> transactions,
                   JsonMapper json, Clock clock) {
        this.baselines = baselines;
        this.outbox = outbox;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param inputs how many inputs the recompute covers, as the event reports it
     * @return whether an event was published; false when nothing moved, or when the scope had never been published
     *         and what it holds now became its baseline
     */
    boolean publish(OutputScope scope, long inputs) {
        return transactions.executeWrite(status -> {
            Optional<OutputBaseline> baseline = baselines.lock(scope.name());
            Map<String, BigDecimal> now = scope.read();
            if (baseline.isEmpty()) {
                baselines.insertIfAbsent(scope.name(), write(now));
                return false;
            }
            Map<String, BigDecimal> published = read(baseline.get().published());
            List<MarketRecomputed.Change> changes = changes(published, now, scope.threshold());
            if (changes.isEmpty()) {
                return false;
            }
            baselines.update(scope.name(), write(afterPublishing(published, changes)));
            outbox.append(Topics.MARKET_PROJECTIONS, scope.name(), CloudEvent.of(SOURCE, MarketRecomputed.TYPE,
                    null, clock.instant(), new MarketRecomputed(scope.name(), inputs, changes)));
            return true;
        });
    }

    /**
     * Every key of either that appeared, disappeared or moved by more than the threshold, in order, so that an event
     * lists its changes the same way each time.
     */
    private static List<MarketRecomputed.Change> changes(Map<String, BigDecimal> before, Map<String, BigDecimal> now,
                                                         BigDecimal threshold) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(now.keySet());
        List<MarketRecomputed.Change> changes = new ArrayList<>();
        for (String key : keys) {
            BigDecimal was = before.get(key);
            BigDecimal is = now.get(key);
            if (!sameValue(was, is) && (was == null || is == null || was.subtract(is).abs().compareTo(threshold) > 0)) {
                changes.add(new MarketRecomputed.Change(key, was, is));
            }
        }
        return changes;
    }

    /** The published values after this event: a key that moved too little keeps the value consumers were told. */
    private static Map<String, BigDecimal> afterPublishing(Map<String, BigDecimal> published,
                                                           List<MarketRecomputed.Change> changes) {
        Map<String, BigDecimal> after = new TreeMap<>(published);
        for (MarketRecomputed.Change change : changes) {
            if (change.after() == null) {
                after.remove(change.key());
            } else {
                after.put(change.key(), change.after());
            }
        }
        return after;
    }

    private static boolean sameValue(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }

    private String write(Map<String, BigDecimal> values) {
        try {
            return json.writeValueAsString(new TreeMap<>(values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, BigDecimal> read(String values) {
        try {
            return json.readValue(values, VALUES);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored baseline does not parse", e);
        }
    }
}
