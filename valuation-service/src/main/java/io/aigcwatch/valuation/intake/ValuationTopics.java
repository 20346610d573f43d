package io.aigcwatch.valuation.intake;

import io.aigcwatch.events.Topics;
import io.aigcwatch.kit.kafka.TopicNames;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import org.apache.kafka.clients.admin.NewTopic;

/** The topics this service writes: its change stream, and the dead letters of the topic it reads. */
@Factory
class ValuationTopics {

    @Bean
    NewTopic valuationChanges(TopicNames topics, @Value("${aigcwatch.kafka.partitions:6}") int partitions,
                              @Value("${aigcwatch.kafka.replication-factor:1}") short replicationFactor) {
        return new NewTopic(topics.of(Topics.VALUATION_CHANGES), partitions, replicationFactor);
    }

    @Bean
    NewTopic fundingDeadLetters(TopicNames topics, @Value("${aigcwatch.kafka.replication-factor:1}") short replicationFactor) {
        return new NewTopic(topics.of(Topics.FUNDING_EVENTS_DLT), 1, replicationFactor);
    }
}
