package io.aigcwatch.events.market;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * data of {@code market.recomputed} on {@link io.aigcwatch.events.Topics#MARKET_PROJECTIONS}, keyed by scope: an
 * output of market-service changed. A burst of inputs yields one event per scope, not one per input.
 *
 * @param scope   what was recomputed: one of {@link MarketCriteria#SCOPES}
 * @param inputs  how many input events (or assumption changes) this recompute covers; inputs applied before a
 *                restart, and published by the recompute that follows it, are not counted
 * @param changes every value of the output that moved, before and after
 */
@Serdeable
public record MarketRecomputed(String scope, long inputs, List<Change> changes) {

    public static final String TYPE = "market.recomputed";

    /** @param key what moved within the scope, e.g. {@code MODEL} or {@code 2030.sizeCny} */
    @Serdeable
    public record Change(String key, @Nullable BigDecimal before, @Nullable BigDecimal after) {
    }
}
