package io.aigcwatch.funding.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface IdempotencyRepository extends GenericRepository<IdempotencyRecord, String> {

    /** Held until the transaction ends, by commit, rollback or a connection that died; never waits. */
    @Query(value = "select pg_try_advisory_xact_lock(:lockKey)", nativeQuery = true)
    boolean tryHold(long lockKey);

    @Query(value = "select * from idempotency_key where caller_key = :callerKey and key = :key", nativeQuery = true)
    Optional<IdempotencyRecord> find(String callerKey, String key);

    /** @return 0 when a response is already stored for the key: it is never overwritten */
    @Query(value = """
            insert into idempotency_key (caller_key, key, request_hash, response_status, response_location,
                                         response_etag, response_body)
            values (:callerKey, :key, :requestHash, :status, :location, :etag, :body)
            on conflict do nothing""", nativeQuery = true)
    int store(String callerKey, String key, String requestHash, int status, @Nullable String location,
              @Nullable String etag, @Nullable String body);

    @Query(value = "delete from idempotency_key where claimed_at < :before", nativeQuery = true)
    int deleteClaimedBefore(Instant before);
}
