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
                where d.status = 'PENDING' and d.next_attempt_at > now() and d.claimed_until > now()
                group by w.owner_id),
            queued as (
                select d.seq, row_number() over (partition by w.owner_id order by d.next_attempt_at, d.seq)
                           + coalesce(f.attempts, 0) as turn
                from webhook_delivery d join webhook w on w.id = d.webhook_id
                     left join in_flight f on f.owner_id = w.owner_id
                where d.status = 'PENDING' and d.next_attempt_at <= now() and w.status = 'ACTIVE'),
            due as (
                select d.seq from webhook_delivery d join queued q on q.seq = d.seq
                -- checked again on the row as it is once locked, in case another instance claimed it meanwhile
                where d.status = 'PENDING' and d.next_attempt_at <= now() and q.turn <= ?
                order by q.turn, d.next_attempt_at
                limit ?
                for update of d skip locked),
            claimed as (
                update webhook_delivery d
                set attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => ?),
                    claimed_until = now() + make_interval(secs => ?), updated_at = now()
                from due where d.seq = due.seq
                returning d.id, d.webhook_id, d.event_id, d.attempts)
            select c.id, c.webhook_id, c.attempts, w.url, w.secret, e.payload
            from claimed c join webhook w on w.id = c.webhook_id join webhook_event e on e.event_id = c.event_id""";

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
            statement.setInt(1, perOwner);
            statement.setInt(2, limit);
            statement.setDouble(3, lease.toMillis() / 1000.0);
            statement.setDouble(4, lease.toMillis() / 1000.0);
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
