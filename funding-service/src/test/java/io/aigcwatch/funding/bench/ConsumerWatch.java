package io.aigcwatch.funding.bench;

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

import static org.awaitility.Awaitility.await;

/** A stock consumer polling on its own thread, noting when each round's event first reached it. */
final class ConsumerWatch implements AutoCloseable {
    private final Map<String, Long> seenAt = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;

    ConsumerWatch(String bootstrapServers, String topic) {
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
                        long now = System.nanoTime();
                        int at = record.value().indexOf("\"roundId\":\"") + 11;
                        seenAt.putIfAbsent(record.value().substring(at, at + 36), now);
                    }
                }
            }
        }, "bench-consumer");
        poller.start();
    }

    Histogram lagAfter(Map<String, Long> acceptedAt, Duration timeout) {
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
