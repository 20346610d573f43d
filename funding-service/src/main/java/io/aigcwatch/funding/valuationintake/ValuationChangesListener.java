package io.aigcwatch.funding.valuationintake;

import io.aigcwatch.events.Topics;
import io.aigcwatch.kit.inbox.Inbox;
import io.aigcwatch.kit.inbox.InboxListener;
import io.aigcwatch.kit.kafka.TopicNames;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * Thin on purpose: the inbox does the work, with service-kit's consumer template ({@link InboxListener}): a new
 * group reads the topic from its start, a failure that may pass (the database down, a deadlock with a round writer)
 * rewinds the consumer to the batch's start and retries it until it applies, never skipping it, and a record that can
 * never apply is parked on the topic's dead-letter topic while the rest applies. Each polled batch applies in one
 * transaction with its events' ids, and its offsets are committed after it. One thread: the changes are keyed by
 * company, and a partition's changes of one company must apply in their order.
 */
@InboxListener(groupId = "${aigcwatch.funding.consumer-group:funding-service}", batch = true)
class ValuationChangesListener {
    private final Inbox inbox;
    private final ValuationIntake intake;

    ValuationChangesListener(Inbox inbox, ValuationIntake intake) {
        this.inbox = inbox;
        this.intake = intake;
    }

    @Topic(TopicNames.PREFIX + Topics.VALUATION_CHANGES)
    void receive(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        inbox.acceptBatch(records, consumer, intake);
    }
}
