package io.aigcwatch.kit.inbox;

import io.aigcwatch.kit.kafka.TopicNames;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;

/**
 * The one way a service consumes a topic. For each record: read the CloudEvent envelope, and in one transaction
 * store the event's id and let the topic's {@link EventHandler} apply it, so that a redelivered or replayed event
 * changes nothing. A record that can never apply ({@link PoisonMessage}: not a CloudEvent, an unknown type, data
 * that does not fit, or whatever the handler refuses) is parked on its topic's dead-letter topic after whatever
 * the handler wrote has been rolled back, and the partition moves on. Any other failure may pass: it propagates,
 * and the listener redelivers the record until it applies (see {@link InboxRetry}), never skipping it.
 *
 * <p>A service plugs in with one thin listener per topic: a listener over two topics would let micronaut-kafka
 * commit past records of one topic after a failure in the other (it rewinds a failed poll by partition number,
 * not by topic and partition).
 *
 * <pre>{@code
 * @KafkaListener(groupId = "...", offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC,
 *         errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_ON_ERROR,
 *                 retryCount = InboxRetry.FOREVER, retryDelay = InboxRetry.REDELIVERY))
 * class FundingEventsListener {
 *     @Topic(TopicNames.PREFIX + Topics.FUNDING_EVENTS)
 *     void receive(ConsumerRecord<String, String> record) {
 *         inbox.accept(record, handler);
 *     }
 * }
 * }</pre>
 */
@Singleton
@Requires(beans = DataSource.class)
public class Inbox {
    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);

    private final CloudEventReader reader;
    private final ProcessedEvents processed;
    private final TransactionOperations<Connection> transactions;
    private final BeanProvider<DeadLetters> deadLetters;
    private final TopicNames topics;
    private final RetryBackoff backoff = new RetryBackoff();

    /** The dead letters' producer is only made for the first poison, so the inbox also runs where Kafka is off. */
    Inbox(CloudEventReader reader, ProcessedEvents processed, TransactionOperations<Connection> transactions,
          BeanProvider<DeadLetters> deadLetters, TopicNames topics) {
        this.reader = reader;
        this.processed = processed;
        this.transactions = transactions;
        this.deadLetters = deadLetters;
        this.topics = topics;
    }

    /** What became of a record. */
    public enum Outcome {
        /** its event was new, and the handler's writes committed with its id */
        APPLIED,
        /** its event's id was stored already: nothing changed */
        DUPLICATE,
        /** it can never apply, and now lies on its topic's dead-letter topic */
        PARKED
    }

    /**
     * Applies one record's event, or parks the record. Returns once the outcome is durable, so the listener may
     * commit the offset behind it.
     */
    public Outcome accept(ConsumerRecord<String, String> record, EventHandler handler) {
        backoff.awaitTurn(record);
        try {
            Outcome outcome = applyOrPark(record, handler);
            backoff.succeeded(record);
            return outcome;
        } catch (RuntimeException failure) {
            Duration wait = backoff.failed(record);
            LOG.warn("Could not take {}; trying again in {} ms: {}", ConsumedEvent.origin(record), wait.toMillis(),
                    failure.toString());
            throw failure;
        }
    }

    private Outcome applyOrPark(ConsumerRecord<String, String> record, EventHandler handler) {
        try {
            ConsumedEvent event = new ConsumedEvent(record, reader);
            // a poison thrown by the handler rolls back what it wrote, and the id with it
            Outcome outcome = transactions.executeWrite(status -> apply(event, record, handler));
            if (outcome == Outcome.APPLIED) {
                handler.committed(event);
            }
            return outcome;
        } catch (PoisonMessage poison) {
            LOG.warn("Parking {} on its dead-letter topic: {}", ConsumedEvent.origin(record), poison.getMessage());
            deadLetters.get().park(record, poison.getMessage());
            return Outcome.PARKED;
        }
    }

    private Outcome apply(ConsumedEvent event, ConsumerRecord<String, String> record, EventHandler handler) {
        if (!processed.firstTime(event.id(), topics.constantOf(record.topic()))) {
            return Outcome.DUPLICATE;
        }
        handler.apply(event);
        return Outcome.APPLIED;
    }
}
