package io.aigcwatch.events.funding;

import io.micronaut.serde.annotation.Serdeable;

/** How much of an amount was disclosed: sources often give only "tens of millions of CNY", or nothing. */
@Serdeable
public enum AmountPrecision {
    EXACT,
    /** Kept as a range, low to high; the value, where given, is the source's point figure. */
    APPROXIMATE,
    UNDISCLOSED
}
