package io.aigcwatch.market.forecast;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.math.BigDecimal;

/**
 * How funding shares are projected and when a move is news.
 *
 * @param publishThreshold    share points a projected share (2027 or 2030) must move, from what was last published
 *                            of it, before {@code market.recomputed} (scope {@code projections.funding}) carries it
 * @param confidence          of every interval
 * @param minQuarters         quarters with money a series needs before it is projected at all
 * @param minCategoryRounds   rounds a category needs to be fitted on its own; fewer and it is pooled into OTHER
 * @param minCategoryQuarters quarters with money a category needs to be fitted on its own
 * @param outlierResidual     standardized residual above which a quarter is down-weighted and reported
 */
@ConfigurationProperties("aigcwatch.market.funding-projections")
record FundingProjectionConfig(
        @Bindable(defaultValue = "0.5") BigDecimal publishThreshold,
        @Bindable(defaultValue = "0.90") double confidence,
        @Bindable(defaultValue = "8") int minQuarters,
        @Bindable(defaultValue = "30") int minCategoryRounds,
        @Bindable(defaultValue = "4") int minCategoryQuarters,
        @Bindable(defaultValue = "3.0") double outlierResidual) {

    static final int FIRST_YEAR = 2023;
    static final int LAST_YEAR = 2030;
    private static final int MAX_ITERATIONS = 100;

    FitSettings settings() {
        return new FitSettings(FIRST_YEAR, LAST_YEAR, confidence, minQuarters, minCategoryRounds, minCategoryQuarters,
                outlierResidual, MAX_ITERATIONS);
    }
}
