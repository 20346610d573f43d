package io.aigcwatch.valuation.ledger;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RoundVersionRepository extends GenericRepository<RoundVersion, UUID> {

    /**
     * Takes {@code version} as the round's newest unless the ledger already applied it or a newer one, in one
     * statement. The round's row then stays locked until the transaction ends, so that a concurrent event of the
     * same round (from another partition) waits, and finds the version this one set.
     *
     * @return 1 when the version is new and is to be applied, 0 when it is not
     */
    @Query(value = """
            insert into round_version (round_id, version) values (:roundId, :version)
            on conflict (round_id) do update set version = excluded.version
            where round_version.version < excluded.version""", nativeQuery = true)
    int advance(UUID roundId, long version);
}
