package io.aigcwatch.market.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Funding-share projections by one dimension (layer, segment, country) from the recorded quarterly USD raised: a
 * multinomial logit linear in time ({@link TrendFit}), so that every share stays within (0, 100) and a year's
 * shares sum to 100, the shape a share of a growing market takes (each share a logistic, Fisher-Pry curve in its
 * log-odds against the others). Pure: no I/O, the same cells give the same answer.
 */
public final class FundingShareFit {
    static final String METHOD = "MULTINOMIAL_LOGIT_LINEAR_TREND";

    private FundingShareFit() {
    }

    public static FundingProjection fit(String dimension, List<QuarterCell> cells, FitSettings settings) {
        return attempt(dimension, cells, settings).projection;
    }

    /**
     * Fits on the cells of the years up to {@code until} and compares each later year up to
     * {@code lastCompleteYear} (its actual share: the year's USD of the category over the year's total) with the
     * trend at its mid-year. Categories pooled at fitting time, and any first seen later, compare as OTHER when the
     * fit has OTHER; otherwise they are left out of the actual shares as they were of the fit.
     */
    public static Backtest backtest(String dimension, List<QuarterCell> cells, int until, int lastCompleteYear,
                                    FitSettings settings) {
        check(dimension, cells, settings);
        if (until >= lastCompleteYear) {
            throw new IllegalArgumentException("until (" + until + ") must be before lastCompleteYear ("
                    + lastCompleteYear + "): there is nothing after it to compare with");
        }
        List<QuarterCell> before = cells.stream().filter(cell -> cell.year() <= until).toList();
        Attempt attempt = attempt(dimension, before, settings);
        FundingProjection projection = attempt.projection;
        if (attempt.fit == null) {
            return new Backtest(dimension, until, projection.status(), projection.reason(), projection.inputs(),
                    List.of(), null, null);
        }
        ShareSeries series = attempt.series;
        int first = until + 1;
        double[][] actual = new double[lastCompleteYear - until][series.categories.size()];
        int otherIndex = series.categories.indexOf(ShareSeries.OTHER);
        for (QuarterCell cell : cells) {
            if (cell.year() < first || cell.year() > lastCompleteYear) {
                continue;
            }
            Integer k = series.placement.get(cell.category());
            int index = k == null ? otherIndex : k;
            if (index >= 0) {
                actual[cell.year() - first][index] += cell.usd();
            }
        }
        List<Backtest.BacktestYear> years = new ArrayList<>();
        double errors = 0;
        int compared = 0;
        int covered = 0;
        for (int year = first; year <= lastCompleteYear; year++) {
            double[] usd = actual[year - first];
            double total = ShareSeries.total(usd);
            if (total <= 0) {
                continue;
            }
            double[][] trend = attempt.fit.at(year + 0.5);
            List<Backtest.Compared> categories = new ArrayList<>();
            double yearErrors = 0;
            for (int k = 0; k < usd.length; k++) {
                double share = 100 * usd[k] / total;
                double projected = 100 * trend[0][k];
                double low = 100 * trend[1][k];
                double high = 100 * trend[2][k];
                yearErrors += Math.abs(projected - share);
                covered += share >= low && share <= high ? 1 : 0;
                categories.add(new Backtest.Compared(series.categories.get(k), Percent.round(projected),
                        Percent.round(low), Percent.round(high), Percent.round(share)));
            }
            errors += yearErrors;
            compared += usd.length;
            years.add(new Backtest.BacktestYear(year, year - until, Percent.round(yearErrors / usd.length),
                    categories));
        }
        if (years.isEmpty()) {
            return new Backtest(dimension, until, FundingProjection.NOT_PROJECTED, "no money was recorded in "
                    + first + ".." + lastCompleteYear + " to compare with", projection.inputs(), List.of(), null,
                    null);
        }
        return new Backtest(dimension, until, FundingProjection.PROJECTED, null, projection.inputs(), years,
                Percent.round(errors / compared), (double) covered / compared);
    }

    private static Attempt attempt(String dimension, List<QuarterCell> cells, FitSettings settings) {
        check(dimension, cells, settings);
        ShareSeries series = ShareSeries.of(cells, settings);
        FundingProjection.Inputs inputs = inputs(series);
        FundingProjection.Method method = method(settings);
        String thin = thinness(series, settings);
        if (thin != null) {
            return new Attempt(series, null, notProjected(dimension, thin, method, inputs));
        }
        TrendFit fit = TrendFit.of(series, settings);
        if (!fit.converged) {
            return new Attempt(series, null, notProjected(dimension, "the fit did not settle within "
                    + settings.maxIterations() + " reweighting passes; the shares move too erratically for a"
                    + " linear trend", method, inputs));
        }
        return new Attempt(series, fit, Answers.projected(dimension, series, fit, settings, method, inputs));
    }

    private static String thinness(ShareSeries series, FitSettings settings) {
        if (series.categories.size() < 2) {
            return "a share needs at least two categories with enough data, and " + series.categories.size()
                    + " remain after pooling those with fewer than " + settings.minCategoryRounds() + " rounds or "
                    + settings.minCategoryQuarters() + " quarters with money";
        }
        if (series.size() < settings.minQuarters()) {
            return "only " + series.size() + " quarters have money, and a trend needs at least "
                    + settings.minQuarters();
        }
        return null;
    }

    private static FundingProjection notProjected(String dimension, String reason, FundingProjection.Method method,
                                                  FundingProjection.Inputs inputs) {
        return new FundingProjection(dimension, FundingProjection.NOT_PROJECTED, reason, method, inputs, null,
                List.of(), List.of(), List.of(), List.of());
    }

    private static FundingProjection.Inputs inputs(ShareSeries series) {
        int n = series.size();
        return new FundingProjection.Inputs(n == 0 ? null : series.label(0), n == 0 ? null : series.label(n - 1),
                n, series.totalRounds(), series.totalUsd(), series.excluded);
    }

    private static FundingProjection.Method method(FitSettings settings) {
        return new FundingProjection.Method(METHOD,
                "Each category's share of the USD raised in a quarter follows a multinomial logit linear in time,"
                        + " share_k(t) = exp(a_k + b_k t) / sum_j exp(a_j + b_j t), against the largest category"
                        + " as reference: shares stay within (0, 100) and sum to 100, each a logistic curve."
                        + " Fitted by quasi-likelihood (iteratively reweighted least squares, Levenberg-Marquardt,"
                        + " Hipparchus) on the quarters with money. Covariance: robust sandwich (inverse information"
                        + " around the quarters' score outer products), multiplied by varianceInflation: the"
                        + " delete-a-block jackknife variance of the drifts (six consecutive blocks of quarters left"
                        + " out in turn) over the sandwich's, when above 1, since a company's rounds span years and"
                        + " the shares wander around the trend in swells its residuals do not show. Intervals: delta"
                        + " method on each share's log-odds with a t quantile on 5 degrees of freedom (the"
                        + " jackknife's). A year's share is the trend at mid-year.",
                settings.confidence(),
                "each quarter by its number of rounds: a quarterly share is a ratio of sums over rounds, so its"
                        + " variance falls about as one over their number, and one mega-round does not weigh"
                        + " more than many small ones",
                "a quarter whose largest standardized residual |r| exceeds " + settings.outlierResidual()
                        + " (scale from the median squared residual) keeps " + settings.outlierResidual()
                        + " / |r| of its weight (Huber)");
    }

    static void check(String dimension, List<QuarterCell> cells, FitSettings settings) {
        if (dimension == null || dimension.isBlank()) {
            throw new IllegalArgumentException("dimension is required");
        }
        Objects.requireNonNull(settings, "settings");
        if (cells == null) {
            throw new IllegalArgumentException("cells are required (an empty list when nothing was raised)");
        }
        for (QuarterCell cell : cells) {
            if (cell == null || cell.category() == null || cell.category().isBlank()) {
                throw new IllegalArgumentException("every cell needs a category");
            }
            if (cell.quarter() < 1 || cell.quarter() > 4 || cell.year() < 1900 || cell.year() > 2200) {
                throw new IllegalArgumentException(cell.category() + ": quarter " + cell.year() + "-Q"
                        + cell.quarter() + " is not a quarter (1..4) of a year within 1900..2200");
            }
            if (cell.rounds() < 0 || !(cell.usd() >= 0) || Double.isInfinite(cell.usd())) {
                throw new IllegalArgumentException(cell.category() + " " + cell.year() + "-Q" + cell.quarter()
                        + ": rounds and usd must be finite and not negative");
            }
        }
    }

    private record Attempt(ShareSeries series, TrendFit fit, FundingProjection projection) {
    }
}
