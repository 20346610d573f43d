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
 * market.projections.v1 for webhooks of market recomputes, read as {@link ValuationChangesListener} reads valuation
 * changes: one group for every instance, each polled batch applied by the inbox in one transaction, a passing failure
 * retried from the batch's start (the error strategy {@link InboxListener} declares). A listener of its own, so that
 * neither of the other topics' backlogs holds up these deliveries. One thread: market-service publishes one event per
 * scope per recompute, a trickle.
 */
@InboxListener(groupId = "${aigcwatch.notification.consumer-group:notification-service}", batch = true)
class MarketProjectionsListener {
    private final Inbox inbox;
    private final MarketRecomputeIntake intake;

    MarketProjectionsListener(Inbox inbox, MarketRecomputeIntake intake) {
        this.inbox = inbox;
        this.intake = intake;
    }

    @Topic(TopicNames.PREFIX + Topics.MARKET_PROJECTIONS)
    void receive(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
        inbox.acceptBatch(records, consumer, intake);
    }
}
