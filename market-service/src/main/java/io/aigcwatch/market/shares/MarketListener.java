package io.aigcwatch.market.shares;

import io.aigcwatch.events.Topics;
import io.aigcwatch.kit.inbox.Inbox;
import io.aigcwatch.kit.inbox.InboxListener;
import io.aigcwatch.kit.kafka.TopicNames;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Thin on purpose: the inbox does the work. Offsets are committed per polled batch, after every record's
 * transaction.
 *
 * <p>One method per topic, and micronaut-kafka gives each method a consumer of its own, so that no consumer polls
 * both topics: after a failed record, micronaut-kafka 5.9 rewinds the rest of the poll once per partition
 * <em>number</em>, and the other topic's partition with that number would be left past records it never handed
 * over, to be committed with the next successful poll.
 */
@InboxListener(groupId = "${aigcwatch.market.consumer-group:market-service}")
class MarketListener {
    private final Inbox inbox;
    private final ShareInputs inputs;

    MarketListener(Inbox inbox, ShareInputs inputs) {
        this.inbox = inbox;
        this.inputs = inputs;
    }

    @Topic(TopicNames.PREFIX + Topics.FUNDING_EVENTS)
    void funding(ConsumerRecord<String, String> record) {
        inbox.accept(record, inputs.funding());
    }

    @Topic(TopicNames.PREFIX + Topics.VALUATION_CHANGES)
    void valuations(ConsumerRecord<String, String> record) {
        inbox.accept(record, inputs.valuations());
    }
}
