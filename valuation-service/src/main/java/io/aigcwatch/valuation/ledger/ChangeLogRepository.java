package io.aigcwatch.valuation.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** The table {@code valuation_change}, behind {@link ChangeLog}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface ChangeLogRepository extends GenericRepository<ChangeLogEntry, Long> {

    /** Held until the transaction ends: see {@link ChangeLog}. */
    @Query(value = "select true from pg_advisory_xact_lock(:lockKey)", nativeQuery = true)
    boolean lockAppends(long lockKey);

    @Query(value = """
            select seq, payload from valuation_change
            where seq > :afterSeq and (cast(:since as timestamptz) is null or occurred_at >= cast(:since as timestamptz))
            order by seq limit :limit""", nativeQuery = true)
    List<ChangeLogEntry> page(long afterSeq, @Nullable Instant since, int limit);
}
