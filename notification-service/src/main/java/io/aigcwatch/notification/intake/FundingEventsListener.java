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
 * funding.events.v1 for round alerts, read as {@link ValuationChangesListener} reads valuation changes: one group for
 * every instance, each polled batch applied by the inbox in one transaction, a passing failure retried from the
 * batch's start. A listener of its own, so that a backlog of one topic (a bulk import's rounds) never holds up the
 * other's deliveries.
 */
@InboxListener(groupId = "${aigcwatch.notification.consumer-group:notification-service}",
        threads = "${aigcwatch.notification.consumer-threads:2}", batch = true)
class FundingEventsListener {
    private final Inbox inbox;
    private final NewRoundIntake intake;

    FundingEventsListener(Inbox inbox, NewRoundIntake intake) {
        this.inbox = inbox;
        this.intake = intake;
    }

    @Topic(TopicNames.PREFIX + Topics.FUNDING_EVENTS)
    void receive(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        inbox.acceptBatch(records, consumer, intake);
    }
}
