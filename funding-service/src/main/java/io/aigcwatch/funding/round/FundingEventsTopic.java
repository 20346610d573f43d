package io.aigcwatch.funding.round;

import io.aigcwatch.events.Topics;
import io.aigcwatch.kit.kafka.TopicNames;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Declares the topic this service owns, so that micronaut-kafka creates it on start with enough partitions for
 * consumers to scale out, instead of leaving it to a broker's auto-creation defaults.
 */
@Factory
class FundingEventsTopic {

    @Bean
    NewTopic fundingEvents(TopicNames topics,
                           @Value("${aigcwatch.kafka.partitions:6}") int partitions,
                           @Value("${aigcwatch.kafka.replication-factor:1}") short replicationFactor) {
        return new NewTopic(topics.of(Topics.FUNDING_EVENTS), partitions, replicationFactor);
    }
}
