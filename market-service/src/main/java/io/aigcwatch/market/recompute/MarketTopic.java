package io.aigcwatch.market.recompute;

import io.aigcwatch.events.Topics;
import io.aigcwatch.kit.kafka.TopicNames;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import org.apache.kafka.clients.admin.NewTopic;

/** The topic this service writes, keyed by scope. */
@Factory
class MarketTopic {

    @Bean
    NewTopic marketProjections(TopicNames topics, @Value("${aigcwatch.kafka.partitions:6}") int partitions,
                               @Value("${aigcwatch.kafka.replication-factor:1}") short replicationFactor) {
        return new NewTopic(topics.of(Topics.MARKET_PROJECTIONS), partitions, replicationFactor);
    }
}
