package io.aigcwatch.valuation.ledger;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.kit.jdbc.CopyIn;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every valuation.changed event, in commit order, for clients that poll instead of consuming Kafka.
 *
 * <p>A poller resumes after the last seq it was served, so a seq must never become visible after a higher one:
 * an entry is written only as its transaction commits, under a transaction-level advisory lock that the commit
 * releases, so seqs are taken in the order their transactions commit. Taken last in the transaction, the lock
 * waits for nothing the transaction still has to lock, and cannot be part of a deadlock; it is held for the insert
 * and the commit only.
 */
@Singleton
public class ChangeLog {
    /** The advisory lock that orders appends; the outbox relay's lock has another key. */
    static final long APPEND_LOCK = 7305840120L;
    /**
     * One COPY for a batch's changes; seqs follow the rows' order. COPY rather than {@code unnest} arrays: the
     * driver's encoding of the payloads into a text array took more of the consumer's CPU than the insert itself.
     */
    private static final String APPEND = "valuation_change (event_id, company_id, occurred_at, payload)";

    private final ChangeLogRepository entries;
    private final TransactionOperations<Connection> transactions;
    private final ObjectMapper json;
    private final JdbcOperations jdbc;

    ChangeLog(ChangeLogRepository entries, TransactionOperations<Connection> transactions, ObjectMapper json,
              JdbcOperations jdbc) {
        this.entries = entries;
        this.transactions = transactions;
        this.json = json;
        this.jdbc = jdbc;
    }

    /** Adds the events to the log, in their order, when the current transaction commits, and only if it does. */
    void appendAll(List<CloudEvent<ValuationChanged>> events) {
        appendAll(events, payloads(events));
    }

    /** As {@link #appendAll(List)}, with each event's JSON as {@link #payloads} wrote it. */
    void appendAll(List<CloudEvent<ValuationChanged>> events, List<String> payloads) {
        if (events.isEmpty()) {
            return;
        }
        transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("a change log entry must commit with its change"))
                .registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        entries.lockAppends(APPEND_LOCK);
                        CopyIn.copy(jdbc.getConnection(), APPEND, events.size() + " change log entries", out -> {
                            for (int i = 0; i < events.size(); i++) {
                                CloudEvent<ValuationChanged> event = events.get(i);
                                out.row(event.id(), event.data().companyId(), event.time(), payloads.get(i));
                            }
                        });
                    }
                });
    }

    /**
     * Each event's JSON, written once for both the log and the outbox (the suite's one {@link ObjectMapper}, so
     * the log serves exactly the bytes Kafka carries).
     */
    List<String> payloads(List<CloudEvent<ValuationChanged>> events) {
        List<String> payloads = new ArrayList<>(events.size());
        for (CloudEvent<ValuationChanged> event : events) {
            try {
                payloads.add(json.writeValueAsString(event));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return payloads;
    }

    /** Changes after {@code afterSeq}, oldest first; each carries its seq as the cursor of the next page. */
    public List<ChangeLogEntry> after(long afterSeq, @Nullable Instant since, int limit) {
        return entries.page(afterSeq, since, limit);
    }
}
