package io.aigcwatch.events.valuation;

import io.micronaut.serde.annotation.Serdeable;

/** Whether a change took a company across the unicorn line. */
@Serdeable
public enum StatusTransition {
    ENTERED,
    LEFT,
    UNCHANGED;

    public static StatusTransition between(UnicornStatus before, UnicornStatus after) {
        if (!before.counted() && after.counted()) {
            return ENTERED;
        }
        return before.counted() && !after.counted() ? LEFT : UNCHANGED;
    }
}
