package io.aigcwatch.kit.outbox;

import io.aigcwatch.events.CloudEvent;
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
import java.util.UUID;

/**
 * Where a service puts the events it publishes: in the same transaction as the state they announce. Nothing is
 * sent to Kafka here; the {@link OutboxRelay} sends each row after it commits, and resends it after a crash.
 */
/** Only where the service has a database: the gateway shares this kit but keeps no outbox. */
@Singleton
@Requires(beans = DataSource.class)
public class Outbox {
    private final OutboxRepository repository;
    private final TransactionOperations<Connection> transactions;
    private final ObjectMapper json;
    private final RelaySignal signal;

    Outbox(OutboxRepository repository, TransactionOperations<Connection> transactions, ObjectMapper json,
           RelaySignal signal) {
        this.repository = repository;
        this.transactions = transactions;
        this.json = json;
        this.signal = signal;
    }

    /**
     * @param topic the topic's name without any deployment prefix, a constant of {@link io.aigcwatch.events.Topics}
     * @param key   the message key: the company id wherever there is one
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void append(String topic, String key, CloudEvent<?> event) {
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + event.type() + " " + event.id(), e);
        }
        repository.append(UUID.fromString(event.id()), topic, key, event.type(), payload);
        transactions.findTransactionStatus().ifPresent(status -> status.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        signal.wake();
                    }
                }));
    }
}
