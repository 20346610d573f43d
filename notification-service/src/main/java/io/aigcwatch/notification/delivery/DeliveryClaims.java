package io.aigcwatch.notification.delivery;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Takes due deliveries for one attempt each. {@code for update skip locked} lets several instances claim at
 * once without ever taking the same row; the claim then pushes the row's due time past the attempt's lease, so that
 * no instance takes it again while it is in flight, and another one does if this instance dies mid-attempt.
 *
 * <p>Owners take turns: each API key's due deliveries are numbered oldest first, and a claim takes every key's first
 * before anyone's second, counting what the key already has in flight ({@code claimed_until} not yet lapsed, on any
 * instance), and never more than the per-key cap. So a key whose many receivers never answer holds at most its cap
 * of slots until its attempts time out, and every other key's deliveries go out beside them.
 */
@Singleton
class DeliveryClaims {
    private static final String CLAIM = """
            with in_flight as (
                select w.owner_id, count(*) as attempts
                from webhook_delivery d join webhook w on w.id = d.webhook_id
                where d.claimed_until > now() and d.status = 'PENDING'
                group by w.owner_id),
            owners as (
                select distinct owner_id from webhook where status = 'ACTIVE'),
            -- each owner's oldest due deliveries, no more than its cap, read per webhook through an index: a long
            -- backlog is never sorted whole
            candidates as (
                select o.owner_id, oldest.seq, oldest.next_attempt_at
                from owners o cross join lateral (
                    select d.seq, d.next_attempt_at
                    from webhook w cross join lateral (
                        select d.seq, d.next_attempt_at from webhook_delivery d
                        where d.webhook_id = w.id and d.status = 'PENDING' and d.next_attempt_at <= now()
                        order by d.next_attempt_at
                        limit :perOwner) d
                    where w.owner_id = o.owner_id and w.status = 'ACTIVE'
                    order by d.next_attempt_at
                    limit :perOwner) oldest),
            queued as (
                select c.seq, row_number() over (partition by c.owner_id order by c.next_attempt_at, c.seq)
                           + coalesce(f.attempts, 0) as turn
                from candidates c left join in_flight f on f.owner_id = c.owner_id),
            due as (
                select d.seq from webhook_delivery d join queued q on q.seq = d.seq
                -- checked again on the row as it is once locked, in case another instance claimed it meanwhile
                where d.status = 'PENDING' and d.next_attempt_at <= now() and q.turn <= :perOwner
                order by q.turn, d.next_attempt_at
                limit :limit
                for update of d skip locked),
            claimed as (
                update webhook_delivery d
                set attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => :lease),
                    claimed_until = now() + make_interval(secs => :lease), updated_at = now()
                from due where d.seq = due.seq
                returning d.id, d.webhook_id, d.event_id, d.attempts)
            select c.id, c.webhook_id, c.attempts, w.url, w.secret, e.payload
            from claimed c join webhook w on w.id = c.webhook_id join webhook_event e on e.event_id = c.event_id"""
            // JDBC knows only ?: the names above say which value goes where
            .replace(":perOwner", "?").replace(":limit", "?").replace(":lease", "?");

    private final JdbcOperations jdbc;

    DeliveryClaims(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** One attempt of a delivery, with what it needs to be sent. @param attempt its number, from 1 */
    record Claimed(UUID id, UUID webhookId, int attempt, String url, String secret, String payload) {
    }

    @Transactional
    List<Claimed> claimDue(int limit, int perOwner, Duration lease) {
        return jdbc.prepareStatement(CLAIM, statement -> {
            double leaseSeconds = lease.toMillis() / 1000.0;
            // in the order the names appear in CLAIM
            statement.setInt(1, perOwner);
            statement.setInt(2, perOwner);
            statement.setInt(3, perOwner);
            statement.setInt(4, limit);
            statement.setDouble(5, leaseSeconds);
            statement.setDouble(6, leaseSeconds);
            try (ResultSet rows = statement.executeQuery()) {
                List<Claimed> claimed = new ArrayList<>();
                while (rows.next()) {
                    claimed.add(read(rows));
                }
                return claimed;
            }
        });
    }

    private static Claimed read(ResultSet row) throws SQLException {
        return new Claimed(row.getObject("id", UUID.class), row.getObject("webhook_id", UUID.class),
                row.getInt("attempts"), row.getString("url"), row.getString("secret"), row.getString("payload"));
    }
}
