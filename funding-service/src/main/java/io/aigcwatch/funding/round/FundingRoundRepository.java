package io.aigcwatch.funding.round;

import io.aigcwatch.events.funding.RoundType;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

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
}
