package io.aigcwatch.events.funding;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public enum RoundType {
    ANGEL,
    SEED,
    SERIES_A,
    SERIES_B,
    SERIES_C,
    SERIES_D,
    SERIES_E,
    /** Series F and every later lettered round. */
    SERIES_F_PLUS,
    STRATEGIC,
    IPO,
    UNDISCLOSED
}
