package io.aigcwatch.kit.outbox;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.kit.jdbc.CopyIn;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.support.TransactionSynchronization;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;

/**
 * Where a service puts the events it publishes: in the same transaction as the state they announce. Nothing is
 * sent to Kafka here; the {@link OutboxRelay} sends each row after it commits, and resends it after a crash.
 */
/** Only where the service has a database: the gateway shares this kit but keeps no outbox. */
@Singleton
@Requires(beans = DataSource.class)
public class Outbox {
    // COPY inserts the rows in the order written, so their seqs follow the events' order
    private static final String COPY_ALL = "outbox (id, topic, message_key, event_type, payload)";

    private final OutboxRepository repository;
    private final TransactionOperations<Connection> transactions;
    private final ObjectMapper json;
    private final RelaySignal signal;
    private final JdbcOperations jdbc;

    Outbox(OutboxRepository repository, TransactionOperations<Connection> transactions, ObjectMapper json,
           RelaySignal signal, JdbcOperations jdbc) {
        this.repository = repository;
        this.transactions = transactions;
        this.json = json;
        this.signal = signal;
        this.jdbc = jdbc;
    }

    /**
     * @param topic the topic's name without any deployment prefix, a constant of {@link io.aigcwatch.events.Topics}
     * @param key   the message key: the company id wherever there is one
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void append(String topic, String key, CloudEvent<?> event) {
        repository.append(UUID.fromString(event.id()), topic, key, event.type(), serialise(event));
        wakeRelayAfterCommit();
    }

    /**
     * Appends many events with one {@code COPY}, in their order, so that the relay publishes them in that order: a
     * set-based consumer announces a whole polled batch this way, a bulk import a chunk of 20,000 (COPY spares pgjdbc
     * escaping every payload into an array literal and the server parsing it again). Each event is keyed by its
     * subject, which is the company id wherever there is one.
     *
     * <p>The events are serialised on every core (the stream keeps their order): for a chunk of 20,000 that is most of
     * the Java time of the append, and the connection has nothing to do until the COPY starts.
     *
     * @param topic as for {@link #append}
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void appendAll(String topic, List<? extends CloudEvent<?>> events) {
        appendAll(topic, events, events.parallelStream().map(this::serialise).toList());
    }

    /**
     * As {@link #appendAll(String, List)}, with the events already serialised by the suite's {@link ObjectMapper}:
     * a consumer that stores the same JSON elsewhere too (a change log) serialises each event once.
     *
     * @param payloads each event's JSON, in the events' order
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void appendAll(String topic, List<? extends CloudEvent<?>> events, List<String> payloads) {
        if (events.isEmpty()) {
            return;
        }
        CopyIn.copy(jdbc.getConnection(), COPY_ALL, events.size() + " events", out -> {
            for (int i = 0; i < events.size(); i++) {
                CloudEvent<?> event = events.get(i);
                out.row(event.id(), topic, event.subject(), event.type(), payloads.get(i));
            }
        });
        wakeRelayAfterCommit();
    }

    private String serialise(CloudEvent<?> event) {
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + event.type() + " " + event.id(), e);
        }
    }

    private void wakeRelayAfterCommit() {
        transactions.findTransactionStatus().ifPresent(status -> status.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        signal.wake();
                    }
                }));
    }
}
