package io.aigcwatch.valuation.intake;

import io.aigcwatch.events.Topics;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Thin on purpose: the intake does the work. The offset of a record is committed only after it returns, which is
 * after its transaction committed (or its poison was parked). A failure that may pass, such as the database being
 * down, is retried with backoff instead of skipped, so no event is lost.
 */
@KafkaListener(groupId = "valuation-service", offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 20,
                retryDelay = "200ms"))
class FundingEventsListener {
    private final FundingEventIntake intake;

    FundingEventsListener(FundingEventIntake intake) {
        this.intake = intake;
    }

    @Topic("${" + Topics.PREFIX_PROPERTY + ":}" + Topics.FUNDING_EVENTS)
    void receive(ConsumerRecord<String, String> record) {
        intake.accept(record);
    }
}
