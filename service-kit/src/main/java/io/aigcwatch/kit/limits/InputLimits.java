package io.aigcwatch.kit.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The bounds on what a client may send, shared by every service so that all accept the same dates, figures, texts,
 * lists and pages. The defaults below are the only place the values are written; a deployment that must move one
 * sets {@code aigcwatch.limits.*} (or {@code AIGCWATCH_LIMITS_*}) for every service at once, as the local stack does
 * with its shared environment. Every bound is checked before a request does any work (see {@link FieldChecks}), so
 * a refusal costs the same whatever the value; docs/api.md and the OpenAPI document list them.
 *
 * @param earliestDate      no round or valuation is dated before this; older than any company the suite tracks
 * @param daysAhead         how many days after today a date may lie, for news dated ahead of its embargo
 * @param maxRoundUsd       no round of any company has come near USD 1 trillion; a figure above it is a typo or an attack
 * @param maxValuationUsd   the same for a valuation, at USD 100 trillion
 * @param maxSourceLength   the longest source (a URL or a citation) in characters
 * @param maxNameLength     the longest company or investor name in characters; also a name given as a filter
 * @param maxIntegerDigits  integer digits of any figure in its own currency: 10^18 JPY is far beyond world GDP, and
 *                          the database keeps 26 (numeric(30, 4)), which is the most this may be set to
 * @param maxDecimalPlaces  decimal places of a figure, a percentage or a factor; the database keeps 4
 * @param maxDecimalLength  characters of a decimal sent as text (a query parameter): 18 digits, a point, 4 places,
 *                          a sign and an exponent fit with room to spare; a longer one is refused before it is parsed
 * @param maxUnitsPerUsd    the largest rate, in units of a currency per USD; no currency has come near a million
 * @param maxFactor         the largest multiplier, such as a scenario's factor on a market size
 * @param maxWordLength     the longest code or single word: an enumeration value, a segment, a scenario name
 * @param maxTextLength     the longest free text that is not a source: a reason, a reasoning, a label
 * @param maxListItems      the most items in a list of a body: investors, anchors, stages, scenarios
 * @param maxSegments       the most segments of a company
 * @param maxPageSize       the most items a page may be asked to hold
 * @param maxCursorLength   the longest cursor; a company cursor is a name of {@code maxNameLength} in base64
 * @param maxTokenLength    the longest opaque token a header carries, such as If-Match
 */
@ConfigurationProperties("aigcwatch.limits")
public record InputLimits(
        @Bindable(defaultValue = "1990-01-01") LocalDate earliestDate,
        @Bindable(defaultValue = "7") int daysAhead,
        @Bindable(defaultValue = "1000000000000") BigDecimal maxRoundUsd,
        @Bindable(defaultValue = "100000000000000") BigDecimal maxValuationUsd,
        @Bindable(defaultValue = "2000") int maxSourceLength,
        @Bindable(defaultValue = "200") int maxNameLength,
        @Bindable(defaultValue = "18") int maxIntegerDigits,
        @Bindable(defaultValue = "4") int maxDecimalPlaces,
        @Bindable(defaultValue = "40") int maxDecimalLength,
        @Bindable(defaultValue = "1000000") BigDecimal maxUnitsPerUsd,
        @Bindable(defaultValue = "100") BigDecimal maxFactor,
        @Bindable(defaultValue = "50") int maxWordLength,
        @Bindable(defaultValue = "500") int maxTextLength,
        @Bindable(defaultValue = "100") int maxListItems,
        @Bindable(defaultValue = "20") int maxSegments,
        @Bindable(defaultValue = "500") int maxPageSize,
        @Bindable(defaultValue = "1100") int maxCursorLength,
        @Bindable(defaultValue = "255") int maxTokenLength) {

    /** What numeric(30, 4) and numeric(20, 8) columns keep; a bound above them would fail at the database instead. */
    private static final int STORED_INTEGER_DIGITS = 26;
    private static final int STORED_DECIMAL_PLACES = 4;
    /** A rate column keeps 8 places, more than any published monthly average has. */
    public static final int RATE_DECIMAL_PLACES = 8;

    public InputLimits {
        if (daysAhead < 0 || maxRoundUsd.signum() <= 0 || maxValuationUsd.signum() <= 0 || maxSourceLength < 1
                || maxNameLength < 1 || maxIntegerDigits < 1 || maxIntegerDigits > STORED_INTEGER_DIGITS
                || maxDecimalPlaces < 0 || maxDecimalPlaces > STORED_DECIMAL_PLACES
                || maxDecimalLength < maxIntegerDigits + maxDecimalPlaces + 1 || maxUnitsPerUsd.signum() <= 0
                || maxFactor.signum() <= 0
                || maxWordLength < 1 || maxTextLength < 1 || maxListItems < 1 || maxSegments < 1 || maxPageSize < 1
                || maxCursorLength < 1 || maxTokenLength < 1) {
            throw new IllegalArgumentException("aigcwatch.limits must be positive (days-ahead and max-decimal-places "
                    + "at least 0, max-integer-digits at most " + STORED_INTEGER_DIGITS + ", max-decimal-places at most "
                    + STORED_DECIMAL_PLACES + ", max-decimal-length room for both)");
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

    /** A figure in its own currency, such as a round's amount: above zero, under 10^maxIntegerDigits. */
    public DecimalBound amount() {
        return DecimalBound.positive(BigDecimal.TEN.pow(maxIntegerDigits), maxDecimalPlaces, maxDecimalLength);
    }

    /** Units of a currency per USD. */
    public DecimalBound rate() {
        return DecimalBound.positive(maxUnitsPerUsd, RATE_DECIMAL_PLACES, maxDecimalLength);
    }

    /** A percentage, from 0 to 100. */
    public DecimalBound percent() {
        return DecimalBound.atLeastZero(BigDecimal.valueOf(100), maxDecimalPlaces, maxDecimalLength);
    }

    /** A positive multiplier, such as a scenario's factor. */
    public DecimalBound factor() {
        return DecimalBound.positive(maxFactor, maxDecimalPlaces, maxDecimalLength);
    }
}
