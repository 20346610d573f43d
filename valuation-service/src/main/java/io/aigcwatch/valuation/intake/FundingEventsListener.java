package io.aigcwatch.valuation.intake;

import io.aigcwatch.events.Topics;
import io.aigcwatch.kit.inbox.Inbox;
import io.aigcwatch.kit.inbox.InboxRetry;
import io.aigcwatch.kit.kafka.TopicNames;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Thin on purpose: the inbox does the work. Offsets are committed after each polled batch, so only after the
 * transaction of every record in it committed (or its poison was parked); a crash before that commit redelivers
 * records whose ids are already stored, which change nothing. Two consumer threads share the partitions.
 */
@KafkaListener(groupId = "${aigcwatch.valuation.consumer-group:valuation-service}", offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC, threadsValue = "${aigcwatch.valuation.consumer-threads:2}",
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = InboxRetry.FOREVER,
                retryDelay = InboxRetry.REDELIVERY))
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
