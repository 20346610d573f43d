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
            List<MarketRecomputed.Change> changes = changes(read(baseline.get().published()), now);
            if (changes.isEmpty()) {
                return false;
            }
            baselines.update(scope.name(), write(now));
            outbox.append(Topics.MARKET_PROJECTIONS, scope.name(), CloudEvent.of(SOURCE, MarketRecomputed.TYPE,
                    null, clock.instant(), new MarketRecomputed(scope.name(), inputs, changes)));
            return true;
        });
    }

    /** Every key of either, in order, so that an event lists its changes the same way each time. */
    private static List<MarketRecomputed.Change> changes(Map<String, BigDecimal> before, Map<String, BigDecimal> now) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(now.keySet());
        List<MarketRecomputed.Change> changes = new ArrayList<>();
        for (String key : keys) {
            BigDecimal was = before.get(key);
            BigDecimal is = now.get(key);
            if (!sameValue(was, is)) {
                changes.add(new MarketRecomputed.Change(key, was, is));
            }
        }
        return changes;
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
