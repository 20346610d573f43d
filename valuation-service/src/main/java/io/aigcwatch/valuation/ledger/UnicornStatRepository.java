package io.aigcwatch.valuation.ledger;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.util.UUID;

/** The unicorn totals that the ledger keeps ({@code unicorn_stat}); a row per status, country and layer, so a read sums a few rows whatever the companies. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UnicornStatRepository extends GenericRepository<CompanyValuation, UUID> {

    /** The totals of the unicorns of a country, a layer and a status (each optional: null for all). */
    @Query(value = """
            select coalesce(sum(companies), 0) as companies, coalesce(sum(usd), 0) as usd from unicorn_stat
            where (cast(:country as text) is null or country = cast(:country as text))
              and (cast(:layer as text) is null or layer = cast(:layer as text))
              and (cast(:status as text) is null or status = cast(:status as text))""", nativeQuery = true)
    Totals totals(@Nullable String country, @Nullable String layer, @Nullable String status);

    @Introspected
    record Totals(long companies, BigDecimal usd) {
    }
}
