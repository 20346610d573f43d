package io.aigcwatch.gateway.stream;

import io.aigcwatch.kit.kafka.TopicNames;
import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Plain consumers of the streamed topics, with the broker settings micronaut-kafka reads ({@code kafka.*}) but in no
 * consumer group: they are told which partitions to read and from where, and commit nothing.
 */
@Singleton
@Requires(beans = KafkaDefaultConfiguration.class)
final class StreamConsumers {
    private final Map<String, Object> settings = new HashMap<>();
    private final TopicNames topics;

    StreamConsumers(KafkaDefaultConfiguration kafka, TopicNames topics) {
        Set<String> consumerSettings = ConsumerConfig.configNames();
        kafka.getConfig().forEach((key, value) -> {
            if (consumerSettings.contains(String.valueOf(key))) {
                settings.put(String.valueOf(key), value);
            }
        });
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // the publishing service creates a topic with its partition count; a reader must never create it with the broker's
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.topics = topics;
    }

    /** The feed's topic as this deployment names it. */
    String topic(StreamFeed<?> feed) {
        return topics.of(feed.topic());
    }

    KafkaConsumer<String, String> open(String clientId) {
        Map<String, Object> config = new HashMap<>(settings);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
