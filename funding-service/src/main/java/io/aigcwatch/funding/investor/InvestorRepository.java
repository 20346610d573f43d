package io.aigcwatch.funding.investor;

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
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface InvestorRepository extends CrudRepository<Investor, UUID> {

    List<Investor> findByIdIn(Collection<UUID> ids);

    /** Each ranking reads its own index (V11) from the cursor's position on: a page costs its rows, not the table. */
    @Query(value = """
            select * from investor
            where rounds > 0 and (cast(:afterValue as bigint) is null or (rounds, id) < (cast(:afterValue as bigint), :afterId))
            order by rounds desc, id desc limit :limit""", nativeQuery = true)
    List<Investor> byRounds(@Nullable Long afterValue, UUID afterId, int limit);

    @Query(value = """
            select * from investor
            where rounds > 0 and (cast(:afterValue as bigint) is null or (leads, id) < (cast(:afterValue as bigint), :afterId))
            order by leads desc, id desc limit :limit""", nativeQuery = true)
    List<Investor> byLeads(@Nullable Long afterValue, UUID afterId, int limit);

    @Query(value = """
            select * from investor
            where rounds > 0 and (cast(:afterValue as numeric) is null
                   or (rounds_usd, id) < (cast(:afterValue as numeric), :afterId))
            order by rounds_usd desc, id desc limit :limit""", nativeQuery = true)
    List<Investor> byUsd(@Nullable BigDecimal afterValue, UUID afterId, int limit);

    @Query(value = """
            select * from investor
            where rounds > 0 and (cast(:afterValue as bigint) is null
                   or (unicorns_held, id) < (cast(:afterValue as bigint), :afterId))
            order by unicorns_held desc, id desc limit :limit""", nativeQuery = true)
    List<Investor> byUnicorns(@Nullable Long afterValue, UUID afterId, int limit);

    /** As CompanyRepository#search: exact term, term prefix, then trigram word similarity, on the GIN index. */
    @Query(value = """
            select id, case when search_key like :exact escape '\\' then 0
                            when search_key like :prefix escape '\\' then 1 else 2 end as rank,
                   word_similarity(:q, search_key) as score
            from investor
            where search_key like :prefix escape '\\' or :q <% search_key
            order by rank, score desc, normalized_name
            limit :limit""", nativeQuery = true)
    List<Hit> search(String q, String exact, String prefix, int limit);

    /** Every round the investor joined, lead or not, retracted ones marked, by company then date. */
    @Query(value = """
            select r.id, r.company_id, r.round_type, r.status, r.announced_on, r.usd_value, r.amount_precision,
                   r.valuation_usd, ri.lead
            from round_investor ri join funding_round r on r.id = ri.round_id
            where ri.investor_id = :investorId
            order by r.company_id, r.announced_on desc, r.id
            limit :limit""", nativeQuery = true)
    List<PortfolioRound> portfolio(UUID investorId, int limit);

    /** Each company's latest post-money valuation among its active rounds, from the duplicates index. */
    @Query(value = """
            select distinct on (company_id) company_id, valuation_usd, announced_on
            from funding_round
            where company_id in (:companyIds) and status = 'ACTIVE' and valuation_usd is not null
            order by company_id, announced_on desc, id desc""", nativeQuery = true)
    List<LatestValuation> latestValuations(Collection<UUID> companyIds);

    /** valuation-service's current valuation and status of each company it has spoken of (V12, kept by its events). */
    @Query(value = """
            select company_id, valuation_usd, as_of, unicorn_status, left_reason
            from company_valuation where company_id in (:companyIds)""", nativeQuery = true)
    List<CurrentValuation> currentValuations(Collection<UUID> companyIds);

    @Introspected
    record CurrentValuation(UUID companyId, @Nullable BigDecimal valuationUsd, @Nullable LocalDate asOf,
                            String unicornStatus, @Nullable String leftReason) {
    }

    @Introspected
    record Hit(UUID id, int rank, double score) {
    }

    @Introspected
    record PortfolioRound(UUID id, UUID companyId, String roundType, String status, LocalDate announcedOn,
                          @Nullable BigDecimal usdValue, String amountPrecision, @Nullable BigDecimal valuationUsd,
                          boolean lead) {
    }

    @Introspected
    record LatestValuation(UUID companyId, BigDecimal valuationUsd, LocalDate announcedOn) {
    }
}
