package io.aigcwatch.kit.inbox;

import io.aigcwatch.kit.kafka.TopicNames;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one way a service consumes a topic. For each record: read the CloudEvent envelope, and in one transaction
 * store the event's id and let the topic's handler apply it, so that a redelivered or replayed event changes
 * nothing. A record that can never apply ({@link PoisonMessage}: not a CloudEvent, an unknown type, data that does
 * not fit, or whatever the handler refuses) is parked on its topic's dead-letter topic after whatever the handler
 * wrote has been rolled back, and the partition moves on. Any other failure may pass: it propagates, and the
 * listener redelivers the record until it applies (see {@link InboxRetry}), never skipping it.
 *
 * <p>A service plugs in with one thin listener per topic: a listener over two topics would let micronaut-kafka
 * commit past records of one topic after a failure in the other (it rewinds a failed poll by partition number,
 * not by topic and partition).
 *
 * <pre>{@code
 * @InboxListener(groupId = "${aigcwatch.valuation.consumer-group:valuation-service}")
 * class FundingEventsListener {
 *     @Topic(TopicNames.PREFIX + Topics.FUNDING_EVENTS)
 *     void receive(ConsumerRecord<String, String> record) {
 *         inbox.accept(record, handler);
 *     }
 * }
 * }</pre>
 *
 * A batch listener ({@code @InboxListener(batch = true, ...)}) takes the polled records and its consumer, and calls
 * {@link #acceptBatch} instead; the whole poll applies in one transaction:
 *
 * <pre>{@code
 *     @Topic(TopicNames.PREFIX + Topics.VALUATION_CHANGES)
 *     void receive(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer) {
 *         inbox.acceptBatch(records, consumer, handler);
 *     }
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
        return accept(record, BatchHandler.eachOf(handler));
    }

    /** Applies one record's event with a batch handler, as a batch of one. */
    public Outcome accept(ConsumerRecord<String, String> record, BatchHandler handler) {
        return applyBatch(List.of(record), handler).get(0);
    }

    /**
     * Applies the events of a polled batch in one transaction, and parks its poison. Returns once every outcome is
     * durable, so the listener may commit the offsets behind the batch.
     *
     * <p>A failure first rewinds {@code consumer} to the batch's first record on each of its partitions, so that
     * the next poll brings the batch again whatever micronaut-kafka makes of the failure. Its own rewind (5.9) only
     * knows the partitions the consumer held before the poll: when the failing poll is the one that brought a
     * partition (a start, a rebalance), it fails on a NullPointerException instead, leaves the consumer past the
     * batch, and the next poll that applies commits past records that never did.
     *
     * @param consumer the listener's consumer, which micronaut-kafka passes to a {@code Consumer<?, ?>} parameter
     * @return each record's outcome, in the batch's order
     */
    public List<Outcome> acceptBatch(List<ConsumerRecord<String, String>> records, Consumer<?, ?> consumer,
                                     BatchHandler handler) {
        try {
            return applyBatch(records, handler);
        } catch (RuntimeException failure) {
            rewind(consumer, records);
            throw failure;
        }
    }

    /** Partitions the consumer no longer holds are left alone: their next holder starts at the committed offset. */
    private static void rewind(Consumer<?, ?> consumer, List<ConsumerRecord<String, String>> records) {
        Set<TopicPartition> held = consumer.assignment();
        RetryBackoff.firstOfEachPartition(records).forEach((partition, offset) -> {
            if (held.contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    List<Outcome> applyBatch(List<ConsumerRecord<String, String>> records, BatchHandler handler) {
        if (records.isEmpty()) {
            return List.of();
        }
        backoff.awaitTurn(records);
        try {
            List<Outcome> outcomes = applyOrPark(records, handler);
            backoff.succeeded(records);
            return outcomes;
        } catch (RuntimeException failure) {
            Duration wait = backoff.failed(records);
            LOG.warn("Could not take {}{}; trying again in {} ms: {}", ConsumedEvent.origin(records.get(0)),
                    records.size() > 1 ? " and the " + (records.size() - 1) + " records after it" : "",
                    wait.toMillis(), failure.toString());
            throw failure;
        }
    }

    private List<Outcome> applyOrPark(List<ConsumerRecord<String, String>> records, BatchHandler handler) {
        Map<ConsumerRecord<String, String>, String> poison = new LinkedHashMap<>();
        List<ConsumedEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(new ConsumedEvent(record, reader));
            } catch (PoisonMessage unreadable) {
                poison.put(record, unreadable.getMessage());
            }
        }
        List<ConsumedEvent> applied;
        try {
            applied = applyInOneTransaction(events, handler);
        } catch (PoisonMessage refused) {
            if (events.size() == 1) {
                poison.put(events.get(0).record(), refused.getMessage());
                applied = List.of();
            } else {
                applied = applyOneByOne(events, handler, poison);
            }
        }
        // parked only once the rest committed, so that a failure before then retries the batch without a second
        // copy of its poison on the dead-letter topic
        for (ConsumerRecord<String, String> record : records) {
            String reason = poison.get(record);
            if (reason != null) {
                LOG.warn("Parking {} on its dead-letter topic: {}", ConsumedEvent.origin(record), reason);
                deadLetters.get().park(record, reason);
            }
        }
        if (!applied.isEmpty()) {
            handler.committed(applied);
        }
        return outcomes(records, applied, poison.keySet());
    }

    /** The events that were new, applied in one transaction; a poison rolls all of them back. */
    private List<ConsumedEvent> applyInOneTransaction(List<ConsumedEvent> events, BatchHandler handler) {
        return transactions.executeWrite(status -> {
            List<ConsumedEvent> fresh = processed.firstTimes(status.getConnection(), events,
                    event -> topics.constantOf(event.record().topic()));
            if (!fresh.isEmpty()) {
                handler.apply(fresh);
            }
            return fresh;
        });
    }

    /** After a poison in a batch, finds it: each event in a transaction of its own. */
    private List<ConsumedEvent> applyOneByOne(List<ConsumedEvent> events, BatchHandler handler,
                                              Map<ConsumerRecord<String, String>, String> poison) {
        List<ConsumedEvent> applied = new ArrayList<>();
        for (ConsumedEvent event : events) {
            try {
                applied.addAll(applyInOneTransaction(List.of(event), handler));
            } catch (PoisonMessage refused) {
                poison.put(event.record(), refused.getMessage());
            }
        }
        return applied;
    }

    private static List<Outcome> outcomes(List<ConsumerRecord<String, String>> records, List<ConsumedEvent> applied,
                                          Set<ConsumerRecord<String, String>> parked) {
        Set<ConsumerRecord<String, String>> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
        applied.forEach(event -> fresh.add(event.record()));
        return records.stream()
                .map(record -> parked.contains(record) ? Outcome.PARKED
                        : fresh.contains(record) ? Outcome.APPLIED : Outcome.DUPLICATE)
                .toList();
    }
}
