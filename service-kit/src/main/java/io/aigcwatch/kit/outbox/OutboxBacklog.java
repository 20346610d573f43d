package io.aigcwatch.kit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;

/**
 * The gauge {@code aigcwatch_outbox_backlog}: committed events the relay has not published yet. It grows when Kafka
 * is unreachable or the relay is stuck, long before a consumer notices that nothing arrives. Counting costs a query,
 * so a scrape reuses a count younger than {@link OutboxConfig#backlogRefreshMillis()}.
 */
@Singleton
@Requires(beans = DataSource.class)
final class OutboxBacklog implements MeterBinder {
    static final String METRIC = "aigcwatch.outbox.backlog";
    private static final Logger LOG = LoggerFactory.getLogger(OutboxBacklog.class);

    private final OutboxRepository repository;
    private final long refreshNanos;
    private double pending = Double.NaN;
    private long countedAt;
    private boolean counted;

    OutboxBacklog(OutboxRepository repository, OutboxConfig config) {
        this.repository = repository;
        this.refreshNanos = config.backlogRefreshMillis() * 1_000_000;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(METRIC, this, OutboxBacklog::pending)
                .description("Outbox rows committed but not yet published to Kafka")
                .register(registry);
    }

    synchronized double pending() {
        long now = System.nanoTime();
        if (!counted || now - countedAt >= refreshNanos) {
            counted = true;
            countedAt = now;
            try {
                pending = repository.countPending();
            } catch (RuntimeException e) {
                // a scrape must not fail because the database does; NaN says "unknown" rather than a stale number
                LOG.warn("Cannot count the outbox backlog", e);
                pending = Double.NaN;
            }
        }
        return pending;
    }
}
