package io.aigcwatch.funding.round;

import io.aigcwatch.events.funding.RoundType;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface FundingRoundRepository extends CrudRepository<FundingRound, UUID> {

    @Query("select * from funding_round where id = :id for update")
    Optional<FundingRound> findByIdForUpdate(UUID id);

    @Query("""
            select * from funding_round
            where company_id = :companyId and round_type = :roundType and status = 'ACTIVE'
              and announced_on between :from and :to and id <> :excluding
            order by announced_on limit 1""")
    Optional<FundingRound> findNear(UUID companyId, RoundType roundType, LocalDate from, LocalDate to, UUID excluding);

    @Query("select * from funding_round where company_id = :companyId order by announced_on desc, id desc")
    List<FundingRound> findAllOfCompany(UUID companyId);

    /**
     * Totals of the active rounds in one pass over them: one row per bucket, {@code dimension} saying which
     * grouping it belongs to, and the one {@code total} row (always there, even without rounds) with no bucket. An
     * undisclosed amount adds nothing to {@code usd_raised}; an approximate one adds its value, or the midpoint of
     * its range when it gives only low and high.
     */
    @Query(value = """
            with counted as (
                select r.amount_precision,
                       case when r.amount_precision = 'UNDISCLOSED' then null
                            else coalesce(r.usd_value, round((r.usd_low + r.usd_high) / 2, 2)) end as usd,
                       extract(year from r.announced_on)::int || '-Q' || extract(quarter from r.announced_on)::int
                           as quarter,
                       c.layer::text as layer,
                       c.country::text as country
                from funding_round r join company c on c.id = r.company_id
                where r.status = 'ACTIVE')
            select case when grouping(quarter) = 0 then 'quarter'
                        when grouping(layer) = 0 then 'layer'
                        when grouping(country) = 0 then 'country'
                        else 'total' end as dimension,
                   coalesce(quarter, layer, country) as bucket,
                   count(*) as rounds,
                   count(*) filter (where amount_precision = 'APPROXIMATE') as approximate_rounds,
                   count(*) filter (where amount_precision = 'UNDISCLOSED') as undisclosed_rounds,
                   coalesce(sum(usd), 0) as usd_raised
            from counted
            group by grouping sets ((quarter), (layer), (country), ())""", nativeQuery = true)
    List<StatsRow> stats();

    @Introspected
    record StatsRow(String dimension, @Nullable String bucket, long rounds, long approximateRounds,
                    long undisclosedRounds, BigDecimal usdRaised) {
    }
}
