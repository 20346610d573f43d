package io.aigcwatch.market.recompute;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One output of market-service whose changes are published: its name, and how to read its current values by key.
 * Each feature declares its scopes as beans; the recomputer publishes whichever moved.
 */
public record OutputScope(String name, Supplier<Map<String, BigDecimal>> values) {

    public Map<String, BigDecimal> read() {
        return values.get();
    }
}
