package io.aigcwatch.notification.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.UUID;

/**
 * The deliveries and the events they carry. Every time is the database's, so that instances with drifting clocks
 * agree on what is due. Outcomes are written only by the attempt that holds the delivery ({@code attempts} is the
 * attempt's number): a late answer to an attempt whose claim lapsed changes nothing.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface DeliveryRepository extends GenericRepository<Delivery, Long> {

    @Query(value = """
            select * from webhook_delivery where webhook_id = :webhookId and seq < :beforeSeq
            order by seq desc limit :limit""", nativeQuery = true)
    List<Delivery> page(UUID webhookId, long beforeSeq, int limit);

    @Query(value = """
            update webhook_delivery set status = 'DELIVERED', last_status = :httpStatus, last_error = null,
                   next_attempt_at = null, claimed_until = null, delivered_at = now(), updated_at = now()
            where id = :id and attempts = :attempt and status = 'PENDING'""", nativeQuery = true)
    int delivered(UUID id, int attempt, int httpStatus);

    @Query(value = """
            update webhook_delivery set last_status = :httpStatus, last_error = :error, claimed_until = null,
                   next_attempt_at = now() + make_interval(secs => :delaySeconds), updated_at = now()
            where id = :id and attempts = :attempt and status = 'PENDING'""", nativeQuery = true)
    int retryLater(UUID id, int attempt, @Nullable Integer httpStatus, @Nullable String error, double delaySeconds);

    @Query(value = """
            update webhook_delivery set status = 'FAILED', last_status = :httpStatus, last_error = :error,
                   next_attempt_at = null, claimed_until = null, updated_at = now()
            where id = :id and attempts = :attempt and status = 'PENDING'""", nativeQuery = true)
    int failed(UUID id, int attempt, @Nullable Integer httpStatus, @Nullable String error);

    @Query(value = """
            delete from webhook_delivery
            where status <> 'PENDING' and updated_at < now() - make_interval(secs => :olderThanSeconds)""",
            nativeQuery = true)
    int forgetFinished(double olderThanSeconds);

    /** Events that no delivery needs any more; a young one may still be about to get its deliveries. */
    @Query(value = """
            delete from webhook_event e
            where received_at < now() - make_interval(secs => :olderThanSeconds)
              and not exists (select 1 from webhook_delivery d where d.event_id = e.event_id)""", nativeQuery = true)
    int forgetUnusedEvents(double olderThanSeconds);

    /** Deliveries held while their webhook was failing become due at once. */
    @Query(value = """
            update webhook_delivery set next_attempt_at = now(), updated_at = now()
            where webhook_id = :webhookId and status = 'PENDING'""", nativeQuery = true)
    void releaseHeld(UUID webhookId);
}
