package io.aigcwatch.valuation.marks;

import io.aigcwatch.kit.problem.ProblemException;
import io.aigcwatch.valuation.ledger.ValuationPoint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The same company, date and source is one mark: loading a report twice must not count it twice. */
@Singleton
class MarkDuplicates {
    private final Marks marks;

    MarkDuplicates(Marks marks) {
        this.marks = marks;
    }

    void rejectIfRecorded(UUID companyId, LocalDate asOf, @Nullable String source) {
        marks.findMark(companyId, asOf, source == null ? "" : source).ifPresent(existing -> {
            throw ProblemException.conflictWith("duplicate-mark",
                    "this company already has a mark of " + asOf + " from this source", existing.id().toString(),
                    "/companies/" + companyId + "/valuations");
        });
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    interface Marks extends GenericRepository<ValuationPoint, UUID> {
        @Query("""
                select * from valuation_point
                where cause_type = 'MARK' and company_id = :companyId and as_of = :asOf and coalesce(source, '') = :source""")
        Optional<ValuationPoint> findMark(UUID companyId, LocalDate asOf, String source);
    }
}
