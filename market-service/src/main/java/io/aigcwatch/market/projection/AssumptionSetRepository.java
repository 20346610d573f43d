package io.aigcwatch.market.projection;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface AssumptionSetRepository extends GenericRepository<AssumptionSet, Long> {

    @Query("select version, body from assumption_set order by version desc limit 1")
    Optional<AssumptionSet> latest();

    /** The database numbers the version, so two admins' replacements never share one. */
    @Query(value = "insert into assumption_set (body) values (:body)", nativeQuery = true)
    void append(String body);
}
