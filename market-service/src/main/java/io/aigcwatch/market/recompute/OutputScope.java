package io.aigcwatch.market.recompute;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One output of market-service whose changes are published: its name, and how to read its current values by key.
 * Each feature declares its scopes as beans; the recomputer publishes whichever moved.
 *
 * @param threshold how far a value must move from what was last published of it before the move is news; zero
 *                  publishes every change. Smaller moves accumulate against the published value, so a slow drift is
 *                  published once it adds up.
 */
public record OutputScope(String name, Supplier<Map<String, BigDecimal>> values, BigDecimal threshold) {

    public OutputScope(String name, Supplier<Map<String, BigDecimal>> values) {
        this(name, values, BigDecimal.ZERO);
    }

    public Map<String, BigDecimal> read() {
        return values.get();
    }
}
