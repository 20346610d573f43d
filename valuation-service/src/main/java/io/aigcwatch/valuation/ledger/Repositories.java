package io.aigcwatch.valuation.ledger;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The ledger's tables. */
final class Repositories {
    private Repositories() {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Companies extends CrudRepository<TrackedCompany, UUID> {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Points extends CrudRepository<ValuationPoint, UUID> {

        Optional<ValuationPoint> findByCauseTypeAndCauseId(String causeType, UUID causeId);

        @Query("select * from valuation_point where company_id = :companyId and active order by as_of, recorded_at")
        List<ValuationPoint> findActiveInOrder(UUID companyId);
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Valuations extends CrudRepository<CompanyValuation, UUID> {

        /** Locks the company's state for the rest of the transaction: one writer per company at a time. */
        @Query("select * from company_valuation where company_id = :companyId for update")
        Optional<CompanyValuation> lock(UUID companyId);
    }
}
