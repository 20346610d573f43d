package io.aigcwatch.valuation.intake;

import io.aigcwatch.events.Topics;
import io.aigcwatch.kit.inbox.Inbox;
import io.aigcwatch.kit.inbox.InboxListener;
import io.aigcwatch.kit.kafka.TopicNames;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * Thin on purpose: the inbox does the work. Each polled batch applies in one transaction, its events in poll order
 * (so a company's round versions follow its partition's order), and offsets are committed after it, or after its
 * poison was parked alone; a crash before that commit redelivers records whose ids are already stored, which change
 * nothing, and a failure that may pass rewinds and retries the whole batch. Two consumer threads share the
 * partitions.
 */
@InboxListener(groupId = "${aigcwatch.valuation.consumer-group:valuation-service}",
        threads = "${aigcwatch.valuation.consumer-threads:2}", batch = true)
class FundingEventsListener {
    private final Inbox inbox;
    private final FundingEventHandler handler;

    FundingEventsListener(Inbox inbox, FundingEventHandler handler) {
        this.inbox = inbox;
        this.handler = handler;
    }

    @Topic(TopicNames.PREFIX + Topics.FUNDING_EVENTS)
    void receive(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        inbox.acceptBatch(records, consumer, handler);
    }
}
