package io.aigcwatch.notification.intake;

import io.aigcwatch.events.Topics;
import io.aigcwatch.kit.inbox.Inbox;
import io.aigcwatch.kit.inbox.InboxListener;
import io.aigcwatch.kit.kafka.TopicNames;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * Thin on purpose: the inbox does the work. One group for every instance, so that each change is turned into
 * deliveries once (the inbox would drop a second copy anyway). Each polled batch applies in one transaction, and its
 * offsets are committed after it; a failure that may pass, such as the database being down, rewinds the consumer to
 * the batch's start (the inbox does it, see {@link Inbox#acceptBatch}) and retries it until it applies, never
 * skipping it. Two consumer threads share the partitions, as in valuation-service: while one waits on PostgreSQL,
 * the other reads its batch's JSON, so a backlog drains on both cores; a partition's changes stay in its order.
 */
@InboxListener(groupId = "${aigcwatch.notification.consumer-group:notification-service}",
        threads = "${aigcwatch.notification.consumer-threads:2}", batch = true)
class ValuationChangesListener {
    private final Inbox inbox;
    private final ValuationChangeIntake intake;

    ValuationChangesListener(Inbox inbox, ValuationChangeIntake intake) {
        this.inbox = inbox;
        this.intake = intake;
    }

    @Topic(TopicNames.PREFIX + Topics.VALUATION_CHANGES)
    void receive(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        inbox.acceptBatch(records, consumer, intake);
    }
}
