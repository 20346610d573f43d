package io.aigcwatch.market.forecast;

import java.util.ArrayList;
import java.util.List;

/** A converged {@link TrendFit} as the public answer: percents, trends, years and the quarters it down-weighted. */
final class Answers {
    private static final int RECENT_QUARTERS = 4;

    private Answers() {
    }

    static FundingProjection projected(String dimension, ShareSeries series, TrendFit fit, FitSettings settings,
                                       FundingProjection.Method method, FundingProjection.Inputs inputs) {
        FundingProjection.FitStats stats = new FundingProjection.FitStats(fit.converged, fit.iterations,
                fit.observations(), fit.parameters(), fit.degreesOfFreedom(), round4(fit.dispersion),
                round4(fit.autocorrelation), round4(fit.pseudoR2), series.categories.get(0),
                round4(Math.max(1, fit.stability)));
        return new FundingProjection(dimension, FundingProjection.PROJECTED, null, method, inputs, stats,
                trends(series, fit), years(series, fit, settings), outliers(series, fit), observed(series));
    }

    /** Each year's recorded shares, from the quarters the fit saw. */
    private static List<FundingProjection.ObservedYear> observed(ShareSeries series) {
        List<FundingProjection.ObservedYear> years = new ArrayList<>();
        int q = 0;
        while (q < series.size()) {
            int year = series.quarterIndex[q] / 4;
            double[] usd = new double[series.categories.size()];
            int quarters = 0;
            for (; q < series.size() && series.quarterIndex[q] / 4 == year; q++, quarters++) {
                for (int k = 0; k < usd.length; k++) {
                    usd[k] += series.usd[q][k];
                }
            }
            double[] percents = Percent.largestRemainder(usd);
            List<FundingProjection.ObservedShare> shares = new ArrayList<>();
            for (int k = 0; k < usd.length; k++) {
                shares.add(new FundingProjection.ObservedShare(series.categories.get(k), percents[k]));
            }
            years.add(new FundingProjection.ObservedYear(year, quarters, shares));
        }
        return years;
    }

    private static List<FundingProjection.CategoryTrend> trends(ShareSeries series, TrendFit fit) {
        int n = series.size();
        int lastQuarter = series.quarterIndex[n - 1];
        double[] recent = new double[series.categories.size()];
        for (int q = n - 1; q >= 0 && series.quarterIndex[q] > lastQuarter - RECENT_QUARTERS; q--) {
            for (int k = 0; k < recent.length; k++) {
                recent[k] += series.usd[q][k];
            }
        }
        double recentTotal = ShareSeries.total(recent);
        List<FundingProjection.CategoryTrend> trends = new ArrayList<>();
        for (int k = 0; k < recent.length; k++) {
            double[] drift = fit.drift(k);
            trends.add(new FundingProjection.CategoryTrend(series.categories.get(k), series.categoryRounds[k],
                    series.categoryQuarters[k], series.categoryUsd[k], Percent.round(100 * recent[k] / recentTotal),
                    round4(drift[0]), round4(drift[1]), round4(drift[2])));
        }
        return trends;
    }

    private static List<FundingProjection.Year> years(ShareSeries series, TrendFit fit, FitSettings settings) {
        List<FundingProjection.Year> years = new ArrayList<>();
        for (int year = settings.firstYear(); year <= settings.lastYear(); year++) {
            double[][] trend = fit.at(year + 0.5);
            double[] percents = Percent.largestRemainder(trend[0]);
            List<FundingProjection.Share> shares = new ArrayList<>();
            for (int k = 0; k < percents.length; k++) {
                double low = Math.min(percents[k], Percent.round(100 * trend[1][k]));
                double high = Math.max(percents[k], Percent.round(100 * trend[2][k]));
                shares.add(new FundingProjection.Share(series.categories.get(k), percents[k], low, high));
            }
            years.add(new FundingProjection.Year(year, shares));
        }
        return years;
    }

    private static List<FundingProjection.Outlier> outliers(ShareSeries series, TrendFit fit) {
        List<FundingProjection.Outlier> outliers = new ArrayList<>();
        double[][] p = fit.fitted(fit.theta);
        for (int q = 0; q < fit.quarters; q++) {
            if (fit.robust[q] < 1) {
                int k = fit.residualCategory[q];
                outliers.add(new FundingProjection.Outlier(series.label(q), series.categories.get(k),
                        series.usd[q][k], Percent.round(100 * fit.shares[q][k]), Percent.round(100 * p[q][k]),
                        round4(fit.residual[q]), round4(fit.robust[q])));
            }
        }
        return outliers;
    }

    private static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
