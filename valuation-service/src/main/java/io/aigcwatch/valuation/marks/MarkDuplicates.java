package io.aigcwatch.valuation.marks;

import io.aigcwatch.kit.problem.ProblemException;
import io.aigcwatch.valuation.ledger.ValuationPointRepository;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.UUID;

/** The same company, date and source is one mark: loading a report twice must not count it twice. */
@Singleton
class MarkDuplicates {
    private final ValuationPointRepository points;

    MarkDuplicates(ValuationPointRepository points) {
        this.points = points;
    }

    void rejectIfRecorded(UUID companyId, LocalDate asOf, @Nullable String source) {
        points.findMark(companyId, asOf, source == null ? "" : source).ifPresent(existing -> {
            throw ProblemException.conflictWith("duplicate-mark",
                    "this company already has a mark of " + asOf + " from this source", existing.id().toString(),
                    "/companies/" + companyId + "/valuations");
        });
    }
}
