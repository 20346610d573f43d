package io.aigcwatch.valuation.ledger;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.util.UUID;

/** The unicorn totals that the ledger keeps ({@code unicorn_stat}); a read is two rows, whatever the companies. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UnicornStatRepository extends GenericRepository<CompanyValuation, UUID> {

    @Query(value = """
            select coalesce(sum(companies), 0) as companies, coalesce(sum(usd), 0) as usd from unicorn_stat""",
            nativeQuery = true)
    Totals totals();

    @Introspected
    record Totals(long companies, BigDecimal usd) {
    }
}
