package io.aigcwatch.kit.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The bounds on what a client may report, shared by funding-service (rounds) and valuation-service (marks) so that
 * both accept the same dates and figures. The defaults below are the only place the values are written; a
 * deployment that must move one sets {@code aigcwatch.limits.*} (or {@code AIGCWATCH_LIMITS_*}) for every service
 * at once, as the local stack does with its shared environment.
 *
 * @param earliestDate    no round or valuation is dated before this; older than any company the suite tracks
 * @param daysAhead       how many days after today a date may lie, for news dated ahead of its embargo
 * @param maxRoundUsd     no round of any company has come near USD 1 trillion; a figure above it is a typo or an attack
 * @param maxValuationUsd the same for a valuation, at USD 100 trillion
 * @param maxSourceLength the longest source (a URL or a citation) in characters
 * @param maxNameLength   the longest company or investor name in characters
 */
@ConfigurationProperties("aigcwatch.limits")
public record InputLimits(
        @Bindable(defaultValue = "1990-01-01") LocalDate earliestDate,
        @Bindable(defaultValue = "7") int daysAhead,
        @Bindable(defaultValue = "1000000000000") BigDecimal maxRoundUsd,
        @Bindable(defaultValue = "100000000000000") BigDecimal maxValuationUsd,
        @Bindable(defaultValue = "2000") int maxSourceLength,
        @Bindable(defaultValue = "200") int maxNameLength) {

    public InputLimits {
        if (daysAhead < 0 || maxRoundUsd.signum() <= 0 || maxValuationUsd.signum() <= 0 || maxSourceLength < 1
                || maxNameLength < 1) {
            throw new IllegalArgumentException("aigcwatch.limits must be positive (days-ahead at least 0): " + daysAhead
                    + ", " + maxRoundUsd + ", " + maxValuationUsd + ", " + maxSourceLength + ", " + maxNameLength);
        }
    }

    /** The last date a client may report, {@link #daysAhead} after {@code today}. */
    public LocalDate latestDate(LocalDate today) {
        return today.plusDays(daysAhead);
    }

    /** Whether {@code date} lies from {@link #earliestDate} to {@link #latestDate} inclusive. */
    public boolean allowsDate(LocalDate date, LocalDate today) {
        return !date.isBefore(earliestDate) && !date.isAfter(latestDate(today));
    }
}
