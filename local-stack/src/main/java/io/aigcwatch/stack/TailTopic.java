package io.aigcwatch.stack;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./aigcwatch tail TOPIC}: prints a topic of the local stack from its first record on, key then CloudEvent,
 * as a stock Kafka consumer sees it. Users have no Kafka command-line tools; the broker's own jar is already here.
 */
final class TailTopic {
    private TailTopic() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || args[0].isBlank()) {
            System.err.println("usage: ./aigcwatch tail <topic>, e.g. ./aigcwatch tail funding.events.v1");
            System.exit(2);
        }
        String port = System.getenv().getOrDefault("AIGCWATCH_KAFKA_PORT", "9092");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port.trim(),
                ConsumerConfig.GROUP_ID_CONFIG, "aigcwatch-tail-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(args[0]));
            System.err.println("[aigcwatch] reading " + args[0] + " from its start on localhost:" + port.trim()
                    + "; Ctrl-C stops");
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    System.out.println("key=" + record.key() + " partition=" + record.partition()
                            + " offset=" + record.offset() + "\n" + record.value());
                }
            }
        }
    }
}
