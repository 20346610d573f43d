package io.aigcwatch.funding.idempotency;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface IdempotencyRepository extends GenericRepository<IdempotencyRecord, String> {

    @Query(value = "insert into idempotency_key (key, request_hash, state) values (:key, :requestHash, 'IN_FLIGHT') on conflict do nothing",
            nativeQuery = true)
    int claim(String key, String requestHash);

    Optional<IdempotencyRecord> findByKey(String key);

    /** Takes over a claim whose holder crashed; only one taker wins, the one that saw the old claim time. */
    @Query(value = "update idempotency_key set claimed_at = clock_timestamp() where key = :key and state = 'IN_FLIGHT' and claimed_at = :claimedAt",
            nativeQuery = true)
    int takeOver(String key, Instant claimedAt);

    @Query(value = """
            update idempotency_key set state = 'COMPLETED', response_status = :status, response_location = :location,
              response_etag = :etag, response_body = :body, completed_at = clock_timestamp()
            where key = :key""", nativeQuery = true)
    void complete(String key, int status, String location, String etag, String body);

    @Query(value = "delete from idempotency_key where key = :key and state = 'IN_FLIGHT'", nativeQuery = true)
    void release(String key);

    @Query(value = "delete from idempotency_key where claimed_at < :before", nativeQuery = true)
    int deleteClaimedBefore(Instant before);
}
