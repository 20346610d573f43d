package io.aigcwatch.notification.intake;

import io.aigcwatch.events.Topics;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * Thin on purpose: the intake does the work. One group for every instance, so that each change is turned
 * into deliveries once (the inbox would drop a second copy anyway). Each polled batch is one call and one
 * transaction, and its offsets are committed after it; a failure that may pass, such as the database being down,
 * rewinds to the batch's start and retries it with backoff rather than skipping it.
 */
@KafkaListener(batch = true, groupId = "${aigcwatch.notification.consumer-group:notification-service}",
        offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 20,
                retryDelay = "200ms"))
class ValuationChangesListener {
    private final ValuationChangeIntake intake;

    ValuationChangesListener(ValuationChangeIntake intake) {
        this.intake = intake;
    }

    @Topic("${" + Topics.PREFIX_PROPERTY + ":}" + Topics.VALUATION_CHANGES)
    void receive(List<ConsumerRecord<String, String>> records) {
        intake.accept(records);
    }
}
