package io.aigcwatch.kit.kafka;

import io.aigcwatch.events.Topics;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

/**
 * The one place where services create their topics, from {@link KafkaTopicsConfig}: each topic a service publishes,
 * with the configured partitions, and the dead-letter topic of each topic it consumes. A dead-letter topic has one
 * partition: it takes a trickle, and whoever inspects it reads it in the order it was parked.
 *
 * <p>Creation runs on start without waiting, as micronaut-kafka's own {@code NewTopic} beans did: a topic that
 * already exists is the usual case, and Kafka being down must not stop a service from starting. Where Kafka is
 * turned off there is nothing to create.
 */
@Context
@Requires(beans = AdminClient.class)
final class KafkaTopicsSetup {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopicsSetup.class);

    KafkaTopicsSetup(KafkaTopicsConfig config, TopicNames names, BeanProvider<AdminClient> admin) {
        List<NewTopic> topics = topics(config, names);
        if (topics.isEmpty()) {
            return;
        }
        LOG.info("Creating topics {}", topics);
        admin.get().createTopics(topics).values().forEach((name, creation) -> creation.whenComplete((done, error) -> {
            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
            if (cause != null && !(cause instanceof TopicExistsException)) {
                LOG.warn("Could not create topic {}: {}", name, cause.toString());
            }
        }));
    }

    static List<NewTopic> topics(KafkaTopicsConfig config, TopicNames names) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : config.publishes()) {
            topics.add(new NewTopic(names.of(topic), config.partitions(), config.replicationFactor()));
        }
        for (String topic : config.consumes()) {
            topics.add(new NewTopic(names.of(Topics.dlt(topic)), 1, config.replicationFactor()));
        }
        return topics;
    }
}
