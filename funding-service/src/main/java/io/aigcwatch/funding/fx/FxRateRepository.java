package io.aigcwatch.funding.fx;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface FxRateRepository extends GenericRepository<FxRate, FxRate.Key> {

    @Query("select * from fx_rate order by currency, month")
    List<FxRate> findAllOrdered();

    /** Ships a rate without touching one that is there already, so amendments survive restarts. */
    @Query("insert into fx_rate (currency, month, units_per_usd, origin) values (:currency, :month, :unitsPerUsd, 'SHIPPED') on conflict do nothing")
    void insertShipped(String currency, LocalDate month, BigDecimal unitsPerUsd);

    @Query("""
            insert into fx_rate (currency, month, units_per_usd, origin, updated_at) values (:currency, :month, :unitsPerUsd, 'ADMIN', now())
            on conflict (currency, month) do update set units_per_usd = excluded.units_per_usd, origin = 'ADMIN', updated_at = now()""")
    void amend(String currency, LocalDate month, BigDecimal unitsPerUsd);
}
