package io.aigcwatch.events.funding;

import io.micronaut.serde.annotation.Serdeable;

/**
 * How much of a round's announcement date is known. Sources often give only a month, a quarter or a year, and the
 * report behind the seed says only "since 2022": a date that is really a bound must not pile its rounds into one
 * quarter of a series.
 */
@Serdeable
public enum DatePrecision {
    /** the day is known */
    DAY,
    /** the month is known; the date is its first day */
    MONTH,
    /** the quarter is known; the date is its first day */
    QUARTER,
    /** the year is known; the date is 1 January */
    YEAR,
    /** known only to be on or before the date */
    BEFORE;

    /** Whether a round with this precision belongs in one calendar quarter of a series. */
    public boolean placesQuarter() {
        return this == DAY || this == MONTH || this == QUARTER;
    }
}
