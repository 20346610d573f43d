package io.aigcwatch.valuation.ledger;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The ledger writes points; the history page and the mark check read them here too. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface ValuationPointRepository extends CrudRepository<ValuationPoint, UUID> {

    /** Every point of the company, withdrawn ones included, in as-of order. */
    @Query("select * from valuation_point where company_id = :companyId order by as_of, recorded_at")
    List<ValuationPoint> findAllOfCompany(UUID companyId);

    /** The mark of that company, date and source ({@code ""} for none), if one was recorded. */
    @Query("""
            select * from valuation_point
            where cause_type = 'MARK' and company_id = :companyId and as_of = :asOf and coalesce(source, '') = :source""")
    Optional<ValuationPoint> findMark(UUID companyId, LocalDate asOf, String source);
}
