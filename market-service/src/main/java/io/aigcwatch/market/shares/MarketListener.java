package io.aigcwatch.market.shares;

import io.aigcwatch.events.Topics;
import io.aigcwatch.kit.inbox.BatchHandler;
import io.aigcwatch.kit.inbox.Inbox;
import io.aigcwatch.kit.inbox.InboxListener;
import io.aigcwatch.kit.kafka.TopicNames;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * Thin on purpose: the inbox does the work. Each polled batch applies in one transaction, its events in poll order
 * (so a company's contributions apply in its partition's order), and its offsets are committed after it; a poison
 * record is parked alone while the rest applies, and a failure that may pass rewinds and retries the whole batch
 * (see {@link Inbox#acceptBatch}).
 *
 * <p>One method per topic, and micronaut-kafka gives each method a consumer of its own, so that no consumer polls
 * both topics: after a failed record, micronaut-kafka 5.9 rewinds the rest of the poll once per partition
 * <em>number</em>, and the other topic's partition with that number would be left past records it never handed
 * over, to be committed with the next successful poll.
 */
@InboxListener(groupId = "${aigcwatch.market.consumer-group:market-service}", batch = true)
class MarketListener {
    private final Inbox inbox;
    private final BatchHandler fundingBatches;
    private final BatchHandler valuationBatches;

    MarketListener(Inbox inbox, ShareInputs inputs) {
        this.inbox = inbox;
        this.fundingBatches = inputs.funding();
        this.valuationBatches = inputs.valuations();
    }

    @Topic(TopicNames.PREFIX + Topics.FUNDING_EVENTS)
    void funding(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        inbox.acceptBatch(records, consumer, fundingBatches);
    }

    @Topic(TopicNames.PREFIX + Topics.VALUATION_CHANGES)
    void valuations(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        inbox.acceptBatch(records, consumer, valuationBatches);
    }
}
