package io.aigcwatch.testkit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A stock Kafka consumer, as any client outside the suite would use, that reads one topic from its start and
 * keeps every record it has seen. Tests assert on what really reached the broker.
 */
public final class TopicReader implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "topic-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code enough} holds for all records seen so far, for at most {@code timeout}. */
    public List<ConsumerRecord<String, String>> awaitRecords(Duration timeout,
                                                             Predicate<List<ConsumerRecord<String, String>>> enough) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(10)).until(() -> {
            poll(Duration.ofMillis(100));
            return enough.test(seen);
        });
        return List.copyOf(seen);
    }

    /** Polls for {@code quietFor} more and returns everything seen: for asserting that nothing else arrives. */
    public List<ConsumerRecord<String, String>> drain(Duration quietFor) {
        long deadline = System.nanoTime() + quietFor.toNanos();
        while (System.nanoTime() < deadline) {
            poll(Duration.ofMillis(100));
        }
        return List.copyOf(seen);
    }

    private void poll(Duration timeout) {
        consumer.poll(timeout).forEach(seen::add);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
