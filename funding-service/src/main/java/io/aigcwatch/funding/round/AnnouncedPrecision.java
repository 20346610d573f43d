package io.aigcwatch.funding.round;

import io.aigcwatch.events.funding.DatePrecision;
import io.aigcwatch.kit.limits.FieldChecks;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * How much of a round's announcement date is known, and whether the date agrees with it: a MONTH round is dated the
 * first of its month, a QUARTER round the first of its quarter, a YEAR round 1 January. A date that does not is
 * refused rather than moved, since moving it would silently change the quarter an analyst meant.
 */
final class AnnouncedPrecision {
    private AnnouncedPrecision() {
    }

    /** DAY when absent; otherwise the precision, with any disagreement noted under {@code announcedPrecision}. */
    static DatePrecision check(@Nullable String given, @Nullable LocalDate date, FieldChecks checks) {
        if (given == null || given.isBlank()) {
            return DatePrecision.DAY;
        }
        DatePrecision precision = checks.enumValue("announcedPrecision", given, DatePrecision.class);
        if (precision == null || date == null) {
            return precision == null ? DatePrecision.DAY : precision;
        }
        LocalDate expected = switch (precision) {
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> date.withDayOfMonth(1).withMonth((date.getMonthValue() - 1) / 3 * 3 + 1);
            case YEAR -> date.withDayOfYear(1);
            case DAY, BEFORE -> date;
        };
        if (!expected.equals(date)) {
            checks.add("announcedOn", "must be " + expected + ", the first day of its " + precision.name().toLowerCase()
                    + ", for announcedPrecision " + precision + " (given " + date + ")");
        }
        return precision;
    }
}
