package io.aigcwatch.kit.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.configuration.kafka.event.KafkaConsumerSubscribedEvent;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Binds every listener's Kafka consumer to the meter registry, so that its lag is scraped as
 * {@code kafka_consumer_fetch_manager_records_lag_max} (tagged by client id). micronaut-kafka's own binder stays
 * disabled with micronaut-kafka 5.9 and micronaut-micrometer 5.13 (its bean requirement reports the MeterRegistry
 * class missing), so Micrometer's own binder does it here, once per consumer as it subscribes.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
final class KafkaConsumerMeters implements ApplicationEventListener<KafkaConsumerSubscribedEvent> {
    private final MeterRegistry registry;
    private final List<KafkaClientMetrics> bound = new CopyOnWriteArrayList<>();

    KafkaConsumerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onApplicationEvent(KafkaConsumerSubscribedEvent event) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(event.getSource());
        metrics.bindTo(registry);
        bound.add(metrics);
    }

    /** Stops each binder's refresh task; the consumers themselves are closed by micronaut-kafka. */
    @PreDestroy
    void close() {
        bound.forEach(KafkaClientMetrics::close);
        bound.clear();
    }
}
