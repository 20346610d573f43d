package io.aigcwatch.kit.outbox;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface OutboxRepository extends GenericRepository<OutboxMessage, Long> {

    @Query("insert into outbox (id, topic, message_key, event_type, payload) values (:id, :topic, :messageKey, :eventType, :payload)")
    void append(UUID id, String topic, String messageKey, String eventType, String payload);

    @Query(value = "select seq, id, topic, message_key, event_type, payload from outbox where sent_at is null order by seq limit :limit",
            nativeQuery = true)
    List<OutboxMessage> findPending(int limit);

    @Query(value = "update outbox set sent_at = clock_timestamp() where seq in (:seqs)", nativeQuery = true)
    void markSent(List<Long> seqs);

    /** Served by the partial index {@code outbox_pending}, so it stays cheap however many sent rows are kept. */
    @Query(value = "select count(*) from outbox where sent_at is null", nativeQuery = true)
    long countPending();

    /** Only one relay, across every instance of a service, may publish at a time, so that per-key order holds. */
    @Query(value = "select pg_try_advisory_xact_lock(:lockKey)", nativeQuery = true)
    boolean tryRelayLock(long lockKey);

    @Query(value = "delete from outbox where sent_at < now() - make_interval(days => :days)", nativeQuery = true)
    void deleteSentBefore(int days);
}
