package io.aigcwatch.valuation.ledger;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Every valuation.changed event, in order, for clients that poll instead of consuming Kafka. */
@Singleton
public class ChangeLog {
    private final Entries entries;
    private final ObjectMapper json;

    ChangeLog(Entries entries, ObjectMapper json) {
        this.entries = entries;
        this.json = json;
    }

    void append(CloudEvent<ValuationChanged> event) {
        try {
            entries.append(UUID.fromString(event.id()), event.data().companyId(), event.time(),
                    json.writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Changes after {@code afterSeq}, oldest first; each carries its seq as the cursor of the next page. */
    public List<Entry> after(long afterSeq, @Nullable Instant since, int limit) {
        return entries.page(afterSeq, since, limit);
    }

    /** One change, its seq the cursor of the next page. */
    @io.micronaut.data.annotation.MappedEntity("valuation_change")
    public record Entry(@io.micronaut.data.annotation.Id long seq, String payload) {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Entries extends GenericRepository<Entry, Long> {

        @Query(value = "insert into valuation_change (event_id, company_id, occurred_at, payload) values (:eventId, :companyId, :occurredAt, :payload)",
                nativeQuery = true)
        void append(UUID eventId, UUID companyId, Instant occurredAt, String payload);

        @Query(value = """
                select seq, payload from valuation_change
                where seq > :afterSeq and (cast(:since as timestamptz) is null or occurred_at >= cast(:since as timestamptz))
                order by seq limit :limit""", nativeQuery = true)
        List<Entry> page(long afterSeq, @Nullable Instant since, int limit);
    }
}
