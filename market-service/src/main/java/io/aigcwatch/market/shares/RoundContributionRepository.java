package io.aigcwatch.market.shares;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RoundContributionRepository extends CrudRepository<RoundContribution, UUID> {

    /**
     * The rounds' contributions, locked until the transaction ends in the order of their ids: one version of a
     * round applies at a time, and two batches never lock rounds in opposite orders.
     */
    @Query(value = "select * from round_contribution where round_id in (:roundIds) order by round_id for update",
            nativeQuery = true)
    List<RoundContribution> lockAll(Collection<UUID> roundIds);
}
