package io.aigcwatch.events.valuation;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** Where a valuation stands against the lines the industry counts by. */
@Serdeable
public enum UnicornStatus {
    NONE,
    /** at or above USD 1 billion */
    UNICORN,
    /** at or above USD 10 billion */
    DECACORN;

    public static final BigDecimal UNICORN_USD = new BigDecimal("1000000000");
    public static final BigDecimal DECACORN_USD = new BigDecimal("10000000000");

    public static UnicornStatus of(BigDecimal usd) {
        if (usd == null) {
            return NONE;
        }
        if (usd.compareTo(DECACORN_USD) >= 0) {
            return DECACORN;
        }
        return usd.compareTo(UNICORN_USD) >= 0 ? UNICORN : NONE;
    }

    public boolean counted() {
        return this != NONE;
    }
}
