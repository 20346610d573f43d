package io.aigcwatch.kit.inbox;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ProcessedEventRepository extends GenericRepository<ProcessedEventRepository.ProcessedEvent, UUID> {

    @Query(value = "insert into processed_event (event_id, topic) values (:eventId, :topic) on conflict do nothing",
            nativeQuery = true)
    int remember(UUID eventId, String topic);

    @MappedEntity("processed_event")
    record ProcessedEvent(@Id UUID eventId, String topic) {
    }
}
