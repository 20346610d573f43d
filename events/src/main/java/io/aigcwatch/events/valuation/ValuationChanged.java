package io.aigcwatch.events.valuation;

import io.aigcwatch.events.Layer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * data of {@code valuation.changed} on {@link io.aigcwatch.events.Topics#VALUATION_CHANGES}: a company's current
 * valuation or unicorn status moved.
 *
 * @param previousUsd  the current valuation before this change; null when the company had none
 * @param currentUsd   null when the last valuation point was withdrawn
 * @param changePct    percent change from previous to current, two decimals; null without both
 * @param asOf         the as-of date of the valuation now current
 * @param basis        REPORTED or ESTIMATED
 * @param causeType    ROUND, MARK or STATUS (a company's exit, closure or return to ACTIVE): what the change came from
 * @param causeId      the id of the round, mark or status event
 * @param causeEventId the id of the event (or mark request) that caused it
 * @param leftReason   why a company left the unicorns: DOWN_ROUND, DOWN_MARK, RETRACTED_ROUND, MOVED_ROUND (the
 *                     round was corrected to name another company), EXIT (acquired or listed) or CLOSED
 */
@Serdeable
public record ValuationChanged(
        UUID companyId,
        String companyName,
        @Nullable String country,
        @Nullable Layer layer,
        @Nullable BigDecimal previousUsd,
        @Nullable BigDecimal currentUsd,
        @Nullable BigDecimal changePct,
        UnicornStatus statusBefore,
        UnicornStatus statusAfter,
        StatusTransition transition,
        @Nullable LocalDate asOf,
        @Nullable String basis,
        String causeType,
        UUID causeId,
        UUID causeEventId,
        @Nullable String leftReason) {

    public static final String TYPE = "valuation.changed";
}
