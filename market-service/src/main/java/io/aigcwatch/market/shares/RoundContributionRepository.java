package io.aigcwatch.market.shares;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RoundContributionRepository extends CrudRepository<RoundContribution, UUID> {

    /** The round's contribution, locked until the transaction ends: one version of a round applies at a time. */
    @Query(value = "select * from round_contribution where round_id = :roundId for update", nativeQuery = true)
    Optional<RoundContribution> lock(UUID roundId);
}
