package io.aigcwatch.kit.inbox;

import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * The consumer half of exactly-once: an event's id is stored in the same transaction as the state it changes,
 * so that a redelivery, a replay from offset 0 or a second instance finds it and applies nothing.
 */
@Singleton
@Requires(beans = DataSource.class)
class ProcessedEvents {
    private final ProcessedEventRepository repository;

    ProcessedEvents(ProcessedEventRepository repository) {
        this.repository = repository;
    }

    /** @return true the first time this event id is seen; false for a duplicate, which the caller must skip */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    boolean firstTime(UUID eventId, String topic) {
        return repository.remember(eventId, topic) == 1;
    }
}
