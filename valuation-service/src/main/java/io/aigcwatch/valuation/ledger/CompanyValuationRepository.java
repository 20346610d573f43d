package io.aigcwatch.valuation.ledger;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The ledger keeps each company's current valuation; the unicorn list reads it here too. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface CompanyValuationRepository extends CrudRepository<CompanyValuation, UUID> {

    @Query(value = """
            select v.company_id, c.name, c.local_name, c.country, c.layer, v.usd, v.as_of, v.basis, v.status, v.joined_on
            from company_valuation v join company c on c.id = v.company_id
            where v.status in ('UNICORN', 'DECACORN')
              and (cast(:country as text) is null or c.country = cast(:country as text))
              and (cast(:layer as text) is null or c.layer = cast(:layer as text))
              and (cast(:status as text) is null or v.status = cast(:status as text))
            order by v.usd desc, c.name
            limit :limit""", nativeQuery = true)
    List<UnicornRow> unicorns(@Nullable String country, @Nullable String layer, @Nullable String status,
                              @Nullable Integer limit);

    /** The {@code limit} most valuable unicorns (or more), largest first, read from the top of an index. */
    @Query(value = """
            select v.company_id, c.name, c.local_name, c.country, c.layer, v.usd, v.as_of, v.basis, v.status, v.joined_on
            from company_valuation v join company c on c.id = v.company_id
            where v.status <> 'NONE'
            order by v.usd desc, c.name limit :limit""", nativeQuery = true)
    List<UnicornRow> topUnicorns(int limit);

    /**
     * The {@code limit} most valuable unicorns of a country and/or layer (each optional, null), largest first: it
     * reads unicorns in order of the partial index company_valuation_top (status {@code <> 'NONE'}) and stops at
     * {@code limit} matches, filtered on the company as {@link #unicorns} filters.
     */
    @Query(value = """
            select v.company_id, c.name, c.local_name, c.country, c.layer, v.usd, v.as_of, v.basis, v.status, v.joined_on
            from company_valuation v join company c on c.id = v.company_id
            where v.status <> 'NONE'
              and (cast(:country as text) is null or c.country = cast(:country as text))
              and (cast(:layer as text) is null or c.layer = cast(:layer as text))
            order by v.usd desc, c.name limit :limit""", nativeQuery = true)
    List<UnicornRow> topUnicorns(@Nullable String country, @Nullable String layer, int limit);


    /** Companies whose current valuation a source labelled a unicorn (or more) while its figure is under the line. */
    @Query(value = """
            select v.company_id, c.name, p.listed_as, v.usd, v.as_of, p.source
            from valuation_point p
                join company_valuation v on v.company_id = p.company_id and v.point_id = p.id
                join company c on c.id = v.company_id
            where p.listed_as is not null and v.status = 'NONE' and c.status = 'ACTIVE'
            order by v.usd desc, c.name""", nativeQuery = true)
    List<MislabelledRow> mislabelled();

    /** Companies valued at or above USD 1B that exited (acquired, listed) or closed: no private unicorns. */
    @Query(value = """
            select v.company_id, c.name, c.status, c.status_since, v.usd, v.as_of, v.left_reason
            from company_valuation v join company c on c.id = v.company_id
            where c.status <> 'ACTIVE' and v.usd >= 1000000000
            order by v.usd desc, c.name""", nativeQuery = true)
    List<ExitedRow> exited();

    @Introspected
    @Serdeable
    record ExitedRow(UUID companyId, String name, String status, @Nullable LocalDate statusSince, BigDecimal usd,
                     LocalDate asOf, @Nullable String leftReason) {
    }

    @Introspected
    @Serdeable
    record MislabelledRow(UUID companyId, String name, String listedAs, BigDecimal usd, LocalDate asOf,
                          @Nullable String source) {
    }

    @Introspected
    @Serdeable
    record UnicornRow(UUID companyId, String name, @Nullable String localName, @Nullable String country,
                      @Nullable String layer, BigDecimal usd, LocalDate asOf, String basis, String status,
                      @Nullable LocalDate joinedOn) {
    }
}
