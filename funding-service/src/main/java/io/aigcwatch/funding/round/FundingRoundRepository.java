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
import java.util.Collection;
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

    @Query("select id, version from funding_round where company_id = :companyId and status = 'ACTIVE' order by id")
    List<CompanyMoves.CountingRound> findActiveOfCompany(UUID companyId);

    /** The quarter bucket of a round whose date precision (YEAR, BEFORE) places it in no one quarter. */
    String UNPLACED = "UNPLACED";

    /**
     * {@link #addToStats}'s statement up to its row filter, shared with the bulk import's {@link BatchStats}. A round
     * known only to the year or as "before" a date counts in the totals, layers and countries, and in the quarter
     * bucket {@link #UNPLACED} rather than in a quarter it may not belong to.
     */
    String STATS_FROM_ROUNDS = """
            insert into funding_stat (dimension, bucket, rounds, approximate_rounds, undisclosed_rounds, usd_raised)
            select d.dimension, d.bucket, :sign * count(*),
                   :sign * count(*) filter (where r.amount_precision = 'APPROXIMATE'),
                   :sign * count(*) filter (where r.amount_precision = 'UNDISCLOSED'),
                   :sign * coalesce(sum(case when r.amount_precision = 'UNDISCLOSED' then 0
                        else coalesce(r.usd_value, round((r.usd_low + r.usd_high) / 2, 2)) end), 0)
            from funding_round r
            join company c on c.id = r.company_id
            cross join lateral (select case when r.announced_precision in ('DAY', 'MONTH', 'QUARTER')
                                            then extract(year from r.announced_on)::int || '-Q'
                                                 || extract(quarter from r.announced_on)::int
                                            else 'UNPLACED' end as quarter) q
            cross join lateral (values (1, 'total', ''),
                                       (2, 'quarter', q.quarter),
                                       (3, 'layer', c.layer::text),
                                       (4, 'country', c.country::text),
                                       (5, 'cell', q.quarter || '|' || c.layer::text || '|' || c.country::text))
                                 as d (position, dimension, bucket)
            """;

    String STATS_GROUPED = """
             and r.status = 'ACTIVE'
            group by d.position, d.dimension, d.bucket
            order by d.position, d.bucket
            on conflict (dimension, bucket) do update set
                rounds = funding_stat.rounds + excluded.rounds,
                approximate_rounds = funding_stat.approximate_rounds + excluded.approximate_rounds,
                undisclosed_rounds = funding_stat.undisclosed_rounds + excluded.undisclosed_rounds,
                usd_raised = funding_stat.usd_raised + excluded.usd_raised""";

    /**
     * Adds the rounds' share to the kept totals ({@code sign} 1) or takes it away (-1), as the write transaction
     * changes them: -1 before a correction or retraction, 1 after a record or correction; a bulk import adds a whole
     * chunk's rounds in this one statement. A retracted round adds nothing. The database adds the delta to the stored
     * row ({@code on conflict do update}), so concurrent writers never lose one another's counts; every writer takes
     * the 'total' row first, so they queue on it in one order and never deadlock. An undisclosed amount adds nothing
     * to {@code usd_raised}; an approximate one adds its value, or the midpoint of its range when it gives only low
     * and high (as V5's backfill does). The 'cell' rows (quarter|layer|country, V7) that filtered reads sum are kept
     * by this same statement, after the others in the same lock order.
     */
    @Query(value = STATS_FROM_ROUNDS + "where r.id in (:ids)" + STATS_GROUPED, nativeQuery = true)
    void addToStats(Collection<UUID> ids, int sign);

    /**
     * The kept totals: one row per bucket, {@code dimension} saying which grouping it belongs to, and the one
     * {@code total} row (always there, even without rounds). Reads no round.
     */
    @Query(value = """
            select dimension, nullif(bucket, '') as bucket, rounds, approximate_rounds, undisclosed_rounds, usd_raised
            from funding_stat
            where dimension in ('total', 'quarter', 'layer', 'country') and (dimension = 'total' or rounds > 0)""",
            nativeQuery = true)
    List<StatsRow> stats();

    /**
     * The totals of the rounds of one country and/or layer announced within a span of quarters, each part optional
     * (null), in {@link #stats}'s shape: summed from the 'cell' rows that match, a few thousand at most, never from
     * rounds. The grouping set {@code ()} always gives the total row, zeros when no cell matches.
     */
    @Query(value = """
            with cell as (
                select split_part(bucket, '|', 1) as quarter, split_part(bucket, '|', 2) as layer,
                       split_part(bucket, '|', 3) as country,
                       rounds, approximate_rounds, undisclosed_rounds, usd_raised
                from funding_stat
                where dimension = 'cell' and rounds > 0)
            select case when grouping(quarter) = 0 then 'quarter'
                        when grouping(layer) = 0 then 'layer'
                        when grouping(country) = 0 then 'country'
                        else 'total' end as dimension,
                   coalesce(quarter, layer, country) as bucket,
                   coalesce(sum(rounds), 0)::bigint as rounds,
                   coalesce(sum(approximate_rounds), 0)::bigint as approximate_rounds,
                   coalesce(sum(undisclosed_rounds), 0)::bigint as undisclosed_rounds,
                   coalesce(sum(usd_raised), 0) as usd_raised
            from cell
            where (cast(:country as text) is null or country = cast(:country as text))
              and (cast(:layer as text) is null or layer = cast(:layer as text))
              and (cast(:fromQuarter as text) is null and cast(:toQuarter as text) is null or quarter <> 'UNPLACED')
              and (cast(:fromQuarter as text) is null or quarter >= cast(:fromQuarter as text))
              and (cast(:toQuarter as text) is null or quarter <= cast(:toQuarter as text))
            group by grouping sets ((quarter), (layer), (country), ())""", nativeQuery = true)
    List<StatsRow> filteredStats(@Nullable String country, @Nullable String layer, @Nullable String fromQuarter,
                                 @Nullable String toQuarter);

    /** The investors in most active rounds, from V11's kept counters on their own index: ten rows read. */
    @Query(value = """
            select id, name, rounds, leads, rounds_usd, unicorns_held from investor
            where rounds > 0 order by rounds desc, id desc limit :limit""", nativeQuery = true)
    List<TopInvestorRow> topInvestors(int limit);

    @Introspected
    record TopInvestorRow(UUID id, String name, long rounds, long leads, BigDecimal roundsUsd, long unicornsHeld) {
    }

    @Introspected
    record StatsRow(String dimension, @Nullable String bucket, long rounds, long approximateRounds,
                    long undisclosedRounds, BigDecimal usdRaised) {
    }
}
