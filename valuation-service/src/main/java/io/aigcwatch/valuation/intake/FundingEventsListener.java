package io.aigcwatch.valuation.intake;

import io.aigcwatch.events.Topics;
import io.aigcwatch.kit.inbox.Inbox;
import io.aigcwatch.kit.inbox.InboxListener;
import io.aigcwatch.kit.kafka.TopicNames;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Thin on purpose: the inbox does the work. Offsets are committed after each polled batch, so only after the
 * transaction of every record in it committed (or its poison was parked); a crash before that commit redelivers
 * records whose ids are already stored, which change nothing. Two consumer threads share the partitions.
 */
@InboxListener(groupId = "${aigcwatch.valuation.consumer-group:valuation-service}",
        threads = "${aigcwatch.valuation.consumer-threads:2}")
class FundingEventsListener {
    private final Inbox inbox;
    private final FundingEventHandler handler;

    FundingEventsListener(Inbox inbox, FundingEventHandler handler) {
        this.inbox = inbox;
        this.handler = handler;
    }

    @Topic(TopicNames.PREFIX + Topics.FUNDING_EVENTS)
    void receive(ConsumerRecord<String, String> record) {
        inbox.accept(record, handler);
    }
}
