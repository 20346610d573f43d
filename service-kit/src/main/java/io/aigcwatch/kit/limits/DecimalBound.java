package io.aigcwatch.kit.limits;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/**
 * What a decimal from a client may be. A value is judged by the precision and scale that BigDecimal keeps, before
 * any arithmetic on it, so {@code 1e1000000000} is refused as fast as {@code 2}; a message never writes a refused
 * value out, whose plain form could run to a billion digits. {@link InputLimits} makes the bounds in use.
 *
 * @param zeroAllowed whether 0 is within bounds; a negative value never is
 * @param max         the largest value
 * @param places      the most decimal places, trailing zeros aside
 * @param textLength  the most characters of the value sent as text, such as in a query parameter
 */
public record DecimalBound(boolean zeroAllowed, BigDecimal max, int places, int textLength) {

    static DecimalBound positive(BigDecimal max, int places, int textLength) {
        return new DecimalBound(false, max, places, textLength);
    }

    static DecimalBound atLeastZero(BigDecimal max, int places, int textLength) {
        return new DecimalBound(true, max, places, textLength);
    }

    /** What is wrong with {@code value}, or null when it is within bounds. */
    @Nullable String violation(BigDecimal value) {
        int sign = value.signum();
        if (sign < 0 || sign == 0 && !zeroAllowed) {
            return (zeroAllowed ? "must be from 0" : "must be above 0") + " to " + max.toPlainString();
        }
        // compareTo weighs the exponents before the digits, so a huge exponent costs nothing here
        if (value.compareTo(max) > 0) {
            return "must be at most " + max.toPlainString();
        }
        if (tooManyPlaces(value)) {
            return places == 0 ? "must be a whole number" : "must have at most " + places + " decimal places";
        }
        return null;
    }

    /** The value as stored and shown: no trailing zeros, no exponent; only for a value without a violation. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * Whether the value has more places than allowed once trailing zeros are stripped. One with more places than
     * digits, such as {@code 1e-1000000000}, is answered from its scale alone; stripping the others is bounded by
     * their number of digits, which the body and line limits keep small.
     */
    private boolean tooManyPlaces(BigDecimal value) {
        if (value.scale() <= places) {
            return false;
        }
        long fewestPlaces = (long) value.scale() - value.precision() + 1;
        return fewestPlaces > places || value.stripTrailingZeros().scale() > places;
    }
}
