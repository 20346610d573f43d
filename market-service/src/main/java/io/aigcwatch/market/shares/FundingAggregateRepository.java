package io.aigcwatch.market.shares;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface FundingAggregateRepository extends GenericRepository<FundingAggregate, FundingAggregate.Key> {

    /**
     * Adds one event's deltas to every bucket it touches, in one statement. The three arrays are parallel; a key is
     * {@code dimension + U+001F + bucket}. USD deltas travel as text because the driver binds no array of numerics,
     * and text keeps every digit. No parameter is named like a column, or Micronaut Data would bind it as one.
     */
    @Query(value = """
            insert into funding_aggregate (dimension, bucket, rounds, usd)
            select split_part(key, chr(31), 1), split_part(key, chr(31), 2), rounds, usd
            from unnest(cast(:keys as text[]), cast(:roundDeltas as bigint[]), cast(:usdDeltas as numeric[]))
                as delta(key, rounds, usd)
            on conflict (dimension, bucket) do update
              set rounds = funding_aggregate.rounds + excluded.rounds, usd = funding_aggregate.usd + excluded.usd""",
            nativeQuery = true)
    void addDeltas(String[] keys, long[] roundDeltas, String[] usdDeltas);

    /** One more revision of each named series, in the order given (callers sort, so that locks are taken in one order). */
    @Query(value = """
            update series_revision set revision = revision + 1 where dimension = any(cast(:dimensions as text[]))""",
            nativeQuery = true)
    void reviseSeries(String[] dimensions);

    /** Each series' revision, as a share row keyed by the series' aggregate dimension and counting its revisions. */
    @Query(value = "select dimension as key, revision as count, 0 as usd from series_revision", nativeQuery = true)
    List<ShareRow> seriesRevisions();

    /** The buckets of one dimension that count a round, largest first. */
    @Query(value = """
            select bucket as key, rounds as count, usd from funding_aggregate
            where dimension = :dimension and rounds > 0 order by usd desc, bucket""", nativeQuery = true)
    List<ShareRow> shares(String dimension);
}
