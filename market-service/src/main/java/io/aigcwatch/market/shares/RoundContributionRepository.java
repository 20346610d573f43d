package io.aigcwatch.market.shares;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.math.BigDecimal;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RoundContributionRepository extends CrudRepository<RoundContribution, UUID> {

    @Query(value = """
            insert into round_contribution (round_id, buckets, usd) values (:roundId, :buckets, :usd)
            on conflict (round_id) do update set buckets = excluded.buckets, usd = excluded.usd""", nativeQuery = true)
    void upsert(UUID roundId, String buckets, BigDecimal usd);
}
