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
 * Thin on purpose: the intake does the work. Offsets are committed after each polled batch, so only after the
 * transaction of every record in it committed (or its poison was parked); a crash before that commit redelivers
 * records whose ids are already stored, which change nothing. Two consumer threads share the partitions. A failure that may pass, such as the database being
 * down, is retried with backoff instead of skipped, so no event is lost.
 */
@KafkaListener(groupId = "${aigcwatch.valuation.consumer-group:valuation-service}", offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC, threadsValue = "${aigcwatch.valuation.consumer-threads:2}",
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
