package io.aigcwatch.market.shares;

import io.aigcwatch.events.Topics;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Thin on purpose. Offsets are committed per polled batch, after every record's transaction; a failure that may
 * pass is retried with backoff rather than skipped.
 */
@KafkaListener(groupId = "${aigcwatch.market.consumer-group:market-service}", offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 20,
                retryDelay = "200ms"))
class MarketListener {
    private final MarketIntake intake;

    MarketListener(MarketIntake intake) {
        this.intake = intake;
    }

    @Topic({"${" + Topics.PREFIX_PROPERTY + ":}" + Topics.FUNDING_EVENTS,
            "${" + Topics.PREFIX_PROPERTY + ":}" + Topics.VALUATION_CHANGES})
    void receive(ConsumerRecord<String, String> record) {
        intake.accept(record);
    }
}
