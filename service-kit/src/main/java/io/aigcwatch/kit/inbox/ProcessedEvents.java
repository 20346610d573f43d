package io.aigcwatch.kit.inbox;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The consumer half of exactly-once: an event's id is stored in the same transaction as the state it changes,
 * so that a redelivery, a replay from offset 0 or a second instance finds it and applies nothing.
 *
 * <p>One statement for a whole polled batch, whatever its size: a row per event would cost a round trip each and
 * cap a catching-up consumer at a few thousand events a second.
 */
@Singleton
@Requires(beans = DataSource.class)
class ProcessedEvents {
    // a conflict with a row of the same statement is skipped too, so an id twice in one batch is returned once
    private static final String REMEMBER = """
            insert into processed_event (event_id, topic)
            select * from unnest(?::uuid[], ?::text[])
            on conflict do nothing
            returning event_id""";

    /**
     * Stores the ids of {@code events} on the transaction's {@code connection}.
     *
     * @param topicOf the topic constant stored beside an event's id
     * @return the events seen for the first time, in their order; of an id repeated in the batch, only its first
     */
    List<ConsumedEvent> firstTimes(Connection connection, List<ConsumedEvent> events,
                                   Function<ConsumedEvent, String> topicOf) {
        if (events.isEmpty()) {
            return List.of();
        }
        Set<UUID> stored = remember(connection, events, topicOf);
        List<ConsumedEvent> fresh = new ArrayList<>();
        for (ConsumedEvent event : events) {
            if (stored.remove(event.id())) {
                fresh.add(event);
            }
        }
        return fresh;
    }

    private static Set<UUID> remember(Connection connection, List<ConsumedEvent> events,
                                      Function<ConsumedEvent, String> topicOf) {
        try (PreparedStatement insert = connection.prepareStatement(REMEMBER)) {
            Array ids = connection.createArrayOf("uuid", events.stream().map(ConsumedEvent::id).toArray());
            Array topics = connection.createArrayOf("text", events.stream().map(topicOf).toArray());
            insert.setArray(1, ids);
            insert.setArray(2, topics);
            Set<UUID> stored = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getObject(1, UUID.class));
                }
            }
            return stored;
        } catch (SQLException failure) {
            throw new IllegalStateException("Could not store the ids of " + events.size() + " events", failure);
        }
    }
}
