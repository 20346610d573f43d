package io.aigcwatch.kit.inbox;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.context.annotation.AliasFor;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link KafkaListener} whose records go to the {@link Inbox}, with the template's policy declared once: a new
 * group reads from the start, offsets are committed synchronously after each poll (so only after its records'
 * transactions committed), and a failed record is redelivered for as long as it fails (see {@link InboxRetry}).
 * The listener only names its group, and may ask for more threads or whole polled batches.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@KafkaListener(offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR, retryCount = InboxRetry.FOREVER,
                retryDelay = InboxRetry.REDELIVERY))
public @interface InboxListener {

    /** The consumer group, usually a placeholder such as {@code ${aigcwatch.market.consumer-group:market-service}}. */
    @AliasFor(annotation = KafkaListener.class, member = "groupId")
    String groupId();

    /** How many consumers this instance runs in the group; a placeholder is allowed. */
    @AliasFor(annotation = KafkaListener.class, member = "threadsValue")
    String threads() default "1";

    /** Whether each call receives a whole polled batch, for {@link Inbox#acceptBatch}. */
    @AliasFor(annotation = KafkaListener.class, member = "batch")
    boolean batch() default false;
}
