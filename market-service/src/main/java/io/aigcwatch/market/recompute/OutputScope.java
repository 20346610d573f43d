package io.aigcwatch.market.recompute;

import java.math.BigDecimal;
import java.util.Map;

/** One output of market-service whose changes are published: its name, and its current values by key. */
public interface OutputScope {
    String name();

    Map<String, BigDecimal> read();
}
