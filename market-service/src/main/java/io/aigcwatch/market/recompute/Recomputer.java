package io.aigcwatch.market.recompute;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.market.MarketRecomputed;
import io.aigcwatch.kit.outbox.Outbox;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Coalesces recomputes: inputs only mark their scopes dirty, and a flush a few hundred milliseconds later reads
 * each dirty scope's output once and publishes a {@code market.recomputed} event with what moved, if anything did.
 * A burst of a thousand rounds therefore costs one read and one event per scope.
 */
@Singleton
public class Recomputer implements ApplicationEventListener<ServerStartupEvent> {
    static final String SOURCE = "/aigcwatch/market-service";

    private final Map<String, AtomicLong> dirty = new ConcurrentHashMap<>();
    private final Map<String, Map<String, BigDecimal>> published = new ConcurrentHashMap<>();
    private final List<OutputScope> scopes;
    private final Outbox outbox;
    private final Clock clock;

    Recomputer(List<OutputScope> scopes, Outbox outbox, Clock clock) {
        this.scopes = scopes;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * What the outputs are when the service starts is the baseline the first change is measured against; it is
     * read once the schema and the stored assumptions are in place, which the server's start follows.
     */
    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        for (OutputScope scope : scopes) {
            published.put(scope.name(), Map.copyOf(scope.read()));
        }
    }

    /** Called after an input committed. */
    public void inputsChanged(String... affectedScopes) {
        for (String scope : affectedScopes) {
            dirty.computeIfAbsent(scope, key -> new AtomicLong()).incrementAndGet();
        }
    }

    @Scheduled(fixedDelay = "${aigcwatch.market.coalesce-window:250ms}")
    void flush() {
        if (!dirty.isEmpty()) {
            publishDirty();
        }
    }

    /** The output reads and the events they cause commit together, through the outbox. */
    @Transactional
    void publishDirty() {
        for (OutputScope scope : scopes) {
            AtomicLong pending = dirty.remove(scope.name());
            if (pending == null) {
                continue;
            }
            Map<String, BigDecimal> now = scope.read();
            Map<String, BigDecimal> before = published.getOrDefault(scope.name(), Map.of());
            List<MarketRecomputed.Change> changes = new ArrayList<>();
            for (String key : union(before, now)) {
                BigDecimal was = before.get(key);
                BigDecimal is = now.get(key);
                if (!sameValue(was, is)) {
                    changes.add(new MarketRecomputed.Change(key, was, is));
                }
            }
            published.put(scope.name(), Map.copyOf(now));
            if (!changes.isEmpty()) {
                outbox.append(Topics.MARKET_PROJECTIONS, scope.name(), CloudEvent.of(SOURCE, MarketRecomputed.TYPE,
                        null, clock.instant(), new MarketRecomputed(scope.name(), pending.get(), changes)));
            }
        }
    }

    /** Every key of either, in order, so that an event lists its changes the same way each time. */
    private static TreeSet<String> union(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static boolean sameValue(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
