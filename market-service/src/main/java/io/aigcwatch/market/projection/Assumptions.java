package io.aigcwatch.market.projection;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The inputs of the projection, each with the reasoning behind it: what the report says, or what is assumed where
 * it says nothing. Stored and versioned; a change recomputes the projections.
 */
@Serdeable
public record Assumptions(
        @Nullable String source,
        @Nullable String currency,
        @Nullable Interpolation interpolation,
        @Nullable List<SizeAnchor> sizeAnchors,
        @Nullable List<ShareAnchor> shareAnchors,
        @Nullable BigDecimal cnyPerUsd,
        @Nullable String cnyPerUsdReasoning,
        @Nullable Map<String, BigDecimal> scenarios,
        @Nullable String scenarioReasoning,
        @Nullable List<Stage> stages) {

    @Serdeable
    public enum Interpolation {
        /** Fisher-Pry substitution: each share's log-odds move in a straight line between anchor years. */
        LOGISTIC,
        LINEAR
    }

    @Serdeable
    public record SizeAnchor(int year, BigDecimal value, @Nullable String reasoning) {
    }

    /** @param shares percent by revenue model name (see {@link RevenueModel}); a model left out is 0 */
    @Serdeable
    public record ShareAnchor(int year, Map<String, BigDecimal> shares, @Nullable String reasoning) {
    }

    @Serdeable
    public record Stage(String name, int from, int to, @Nullable String label) {
    }
}
