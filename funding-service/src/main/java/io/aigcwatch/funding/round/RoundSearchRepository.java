package io.aigcwatch.funding.round;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One statement for every combination of filters: an absent filter is a null that the query skips. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface RoundSearchRepository extends GenericRepository<FundingRound, UUID> {

    @Query(value = """
            select r.* from funding_round r join company c on c.id = r.company_id
            where (:includeRetracted or r.status = 'ACTIVE')
              and (cast(:companyId as uuid) is null or r.company_id = cast(:companyId as uuid))
              and (cast(:country as text) is null or c.country = cast(:country as text))
              and (cast(:layer as text) is null or c.layer = cast(:layer as text))
              and (cast(:roundType as text) is null or r.round_type = cast(:roundType as text))
              and (cast(:fromDate as date) is null or r.announced_on >= cast(:fromDate as date))
              and (cast(:toDate as date) is null or r.announced_on <= cast(:toDate as date))
              and (cast(:afterDate as date) is null
                   or (r.announced_on, r.id) < (cast(:afterDate as date), cast(:afterId as uuid)))
            order by r.announced_on desc, r.id desc
            limit :limit""", nativeQuery = true)
    List<FundingRound> search(boolean includeRetracted, @Nullable UUID companyId, @Nullable String country,
                              @Nullable String layer, @Nullable String roundType, @Nullable LocalDate fromDate,
                              @Nullable LocalDate toDate, @Nullable LocalDate afterDate, @Nullable UUID afterId,
                              int limit);
}
