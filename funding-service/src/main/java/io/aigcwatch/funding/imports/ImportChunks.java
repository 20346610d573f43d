package io.aigcwatch.funding.imports;

import io.aigcwatch.funding.round.RoundBatch;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Applies one chunk of a job's staged rows: the rounds, their totals and events ({@link RoundBatch}), the refused
 * rows, and the job's progress commit in one transaction, under the job row's lock. A crash loses the chunk in
 * flight and nothing else; its rows are still staged and the job's {@code next_line} still before them, so it is
 * applied once, on the next attempt.
 */
@Singleton
class ImportChunks {
    private final ImportJobRepository jobs;
    private final RoundBatch rounds;
    private final TransactionOperations<Connection> transactions;
    private final ImportsConfig config;
    private final Clock clock;

    ImportChunks(ImportJobRepository jobs, RoundBatch rounds, TransactionOperations<Connection> transactions,
                 ImportsConfig config, Clock clock) {
        this.jobs = jobs;
        this.rounds = rounds;
        this.transactions = transactions;
        this.config = config;
        this.clock = clock;
    }

    /** @return whether rows may remain: false once the job is over */
    @Transactional
    boolean applyNext(UUID id) {
        ImportJob job = jobs.lockById(id).orElse(null);
        if (job == null || job.state() == ImportState.DONE || job.state() == ImportState.FAILED
                || job.state() == ImportState.RECEIVING) {
            return false;
        }
        commitWithoutWaitingForTheDisk();
        Instant now = clock.instant();
        Instant startedAt = job.startedAt() == null ? now : job.startedAt();
        List<ImportJobRepository.StagedRow> staged = jobs.staged(id, job.nextLine(), config.chunkRows());
        if (staged.isEmpty()) {
            analyseImportedTables();
            Instant finishedAt = clock.instant();
            jobs.update(progress(job, ImportState.DONE, job.nextLine(), 0, new RoundBatch.Outcome(0, 0, 0, List.of()),
                    startedAt, finishedAt, finishedAt));
            return false;
        }
        RoundBatch.Outcome outcome = rounds.record(id, RoundBatch.Format.valueOf(job.format()),
                job.header() == null ? List.of() : job.header(),
                staged.stream().map(row -> new RoundBatch.Line(row.line(), row.payload())).toList());
        long lastLine = staged.get(staged.size() - 1).line();
        storeRefusals(id, outcome.refusals());
        jobs.deleteApplied(id, lastLine);
        jobs.update(progress(job, ImportState.RUNNING, lastLine, staged.size(), outcome, startedAt, null, now));
        return true;
    }

    /**
     * A chunk's commit need not wait for its WAL to reach the disk: the job was acknowledged (202) once its rows were
     * staged, durably, and a chunk lost with the last moments of a crash is still staged with the job's
     * {@code next_line} before it, so it is applied again on restart. Nothing acknowledged can be lost; the stack
     * (fsync on) no longer waits for a flush of each 20,000-row chunk.
     */
    private void commitWithoutWaitingForTheDisk() {
        execute("set local synchronous_commit = off", "cannot relax the commit of an import chunk");
    }

    /**
     * A bulk import changes the tables faster than autovacuum re-reads them: with the statistics of before, the planner
     * walked the page index for {@code country=JP} at 100,000 rounds (p50 64 ms against 7 ms once analysed). The job
     * is DONE only with fresh statistics, in the same transaction, so no read after DONE is planned on stale ones.
     */
    private void analyseImportedTables() {
        execute("analyze funding_round, company, funding_stat", "cannot analyse the tables an import changed");
    }

    /** Runs a statement on the chunk's transaction. */
    private void execute(String sql, String failure) {
        try (Statement statement = connection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(failure + ": " + e.getMessage(), e);
        }
    }

    private Connection connection() {
        return (Connection) transactions.findTransactionStatus().orElseThrow().getConnection();
    }

    private static ImportJob progress(ImportJob job, ImportState state, long nextLine, int rows,
                                      RoundBatch.Outcome outcome, Instant startedAt, Instant finishedAt, Instant now) {
        return new ImportJob(job.id(), state, job.format(), job.header(), job.rowsTotal(), nextLine,
                job.rowsDone() + rows, job.rowsImported() + outcome.imported(),
                job.rowsAlreadyRecorded() + outcome.alreadyRecorded(), job.rowsRefused() + outcome.refusedRows(),
                job.failure(), job.receivedAt(), startedAt, finishedAt, now);
    }

    private void storeRefusals(UUID id, List<RoundBatch.Refusal> refusals) {
        if (refusals.isEmpty()) {
            return;
        }
        Connection connection = connection();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into import_refusal (job_id, line, seq, field, reason)
                select ?, r.line, row_number() over (partition by r.line order by r.position), r.field, r.reason
                from unnest(?::bigint[], ?::text[], ?::text[]) with ordinality as r (line, field, reason, position)""")) {
            insert.setObject(1, id);
            insert.setArray(2, connection.createArrayOf("bigint",
                    refusals.stream().map(RoundBatch.Refusal::line).toArray()));
            insert.setArray(3, connection.createArrayOf("text",
                    refusals.stream().map(RoundBatch.Refusal::field).toArray()));
            insert.setArray(4, connection.createArrayOf("text",
                    refusals.stream().map(RoundBatch.Refusal::reason).toArray()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the refused rows of import " + id, e);
        }
    }
}
