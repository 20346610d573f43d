package io.aigcwatch.market.forecast;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A fit on the years up to {@code until} against what came after: the honest measure of how far projections go.
 *
 * @param fittedOn          the inputs of that fit
 * @param years             each compared year; empty when not projected
 * @param meanAbsoluteError share points, over every compared year and category; null when not projected
 * @param coverage          fraction of actual yearly shares inside their intervals; null when not projected. The
 *                          intervals are those of the trend, so a year's own scatter puts actuals outside more
 *                          often than the confidence says
 */
@Serdeable
public record Backtest(String dimension, int until, String status, @Nullable String reason,
                       FundingProjection.Inputs fittedOn,
                       List<BacktestYear> years, @Nullable Double meanAbsoluteError, @Nullable Double coverage) {

    /** @param horizon years after {@code until} */
    @Serdeable
    public record BacktestYear(int year, int horizon, double meanAbsoluteError, List<Compared> categories) {
    }

    /** Percent: the projected share with its interval, and the year's actual share. */
    @Serdeable
    public record Compared(String category, double projected, double low, double high, double actual) {
    }
}
