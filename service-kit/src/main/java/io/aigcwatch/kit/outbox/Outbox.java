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
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
        wakeRelayAfterCommit();
    }

    /**
     * {@link #append} for many events in one statement, in the order given: a bulk write's events cost one round
     * trip, not one each.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void appendAll(String topic, List<Keyed> events) {
        if (events.isEmpty()) {
            return;
        }
        UUID[] ids = new UUID[events.size()];
        String[] keys = new String[events.size()];
        String[] types = new String[events.size()];
        String[] payloads = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            CloudEvent<?> event = events.get(i).event();
            ids[i] = UUID.fromString(event.id());
            keys[i] = events.get(i).key();
            types[i] = event.type();
            try {
                payloads[i] = json.writeValueAsString(event);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot serialise " + event.type() + " " + event.id(), e);
            }
        }
        Connection connection = (Connection) transactions.findTransactionStatus().orElseThrow().getConnection();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into outbox (id, topic, message_key, event_type, payload)
                select e.id, ?, e.message_key, e.event_type, e.payload
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) with ordinality
                     as e (id, message_key, event_type, payload, position)
                order by e.position""")) {
            insert.setString(1, topic);
            insert.setArray(2, connection.createArrayOf("uuid", ids));
            insert.setArray(3, connection.createArrayOf("text", keys));
            insert.setArray(4, connection.createArrayOf("text", types));
            insert.setArray(5, connection.createArrayOf("text", payloads));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append " + events.size() + " events to the outbox", e);
        }
        wakeRelayAfterCommit();
    }

    /** An event and its message key: the company id wherever there is one. */
    public record Keyed(String key, CloudEvent<?> event) {
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
