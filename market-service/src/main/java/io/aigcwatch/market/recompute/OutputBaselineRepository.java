package io.aigcwatch.market.recompute;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

/** No parameter is named like a column, or Micronaut Data would bind it as one. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface OutputBaselineRepository extends GenericRepository<OutputBaseline, String> {

    /**
     * Locks the scope's row until the transaction ends, so that a second recompute of the scope (another instance,
     * or the start-up one beside the scheduled one) waits, then measures against what the first published.
     */
    @Query(value = "select scope, cast(published as text) as published from output_baseline where scope = :name for update",
            nativeQuery = true)
    Optional<OutputBaseline> lock(String name);

    @Query(value = """
            insert into output_baseline (scope, published) values (:name, cast(:values as jsonb))
            on conflict (scope) do nothing""", nativeQuery = true)
    void insertIfAbsent(String name, String values);

    @Query(value = "update output_baseline set published = cast(:values as jsonb), published_at = now() where scope = :name",
            nativeQuery = true)
    void update(String name, String values);
}
