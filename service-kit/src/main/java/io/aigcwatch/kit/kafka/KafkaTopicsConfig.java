package io.aigcwatch.kit.kafka;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.List;

/**
 * The topics a service declares in its application.yml, which {@link KafkaTopicsSetup} creates on start.
 *
 * @param partitions        partitions of each topic the service publishes: the most consumer threads that one
 *                          consumer group can keep busy on it
 * @param replicationFactor replicas of every topic the service creates
 * @param publishes         the topics it writes, as constants of {@link io.aigcwatch.events.Topics}
 * @param consumes          the topics it reads: it creates the dead-letter topic of each, where its inbox parks
 *                          what can never apply; the topic itself belongs to the service that publishes it
 */
@ConfigurationProperties("aigcwatch.kafka")
record KafkaTopicsConfig(
        @Bindable(defaultValue = "6") int partitions,
        @Bindable(defaultValue = "1") short replicationFactor,
        @Nullable List<String> publishes,
        @Nullable List<String> consumes) {

    KafkaTopicsConfig {
        publishes = publishes == null ? List.of() : List.copyOf(publishes);
        consumes = consumes == null ? List.of() : List.copyOf(consumes);
    }
}
