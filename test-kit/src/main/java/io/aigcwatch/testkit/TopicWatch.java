package io.aigcwatch.testkit;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;

/**
 * For benchmarks: a stock consumer polling on its own thread, noting when each record first reached it, by an id
 * taken from the record, to measure the delay from something sent to its record arriving.
 */
public final class TopicWatch implements AutoCloseable {
    private final Map<String, Long> seenAt = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    public TopicWatch(String bootstrapServers, String topic, Function<ConsumerRecord<String, String>, String> idOf) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
        // join the group before measuring, so that no record arrives before the consumer is assigned
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(100));
            return !consumer.assignment().isEmpty();
        });
        poller = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        seenAt.putIfAbsent(idOf.apply(record), System.nanoTime());
                    }
                }
            }
        }, "bench-consumer");
        poller.start();
    }

    /** The delay in microseconds from each id's {@code System.nanoTime()} in {@code sentAt} to its record arriving. */
    public Histogram lagAfter(Map<String, Long> acceptedAt, Duration timeout) {
        await().atMost(timeout).until(() -> seenAt.keySet().containsAll(acceptedAt.keySet()));
        Histogram lag = new Histogram(60_000_000L, 3);
        acceptedAt.forEach((id, accepted) -> lag.recordValue(Math.max(0, seenAt.get(id) - accepted) / 1000));
        return lag;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join(5_000);
    }
}
