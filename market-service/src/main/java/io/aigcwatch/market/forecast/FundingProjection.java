package io.aigcwatch.market.forecast;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The projected shares of USD raised by the categories of one dimension, with how they were made.
 *
 * @param status     PROJECTED or NOT_PROJECTED
 * @param reason     why not, in plain English; null when projected
 * @param fit        null when not projected
 * @param categories the fitted categories (pooled ones as OTHER), largest first; empty when not projected
 * @param years      empty when not projected
 * @param outliers   quarters the fit down-weighted, oldest first
 * @param observed   the recorded share of each fitted category in each year the fit saw, to set the trend against;
 *                   empty when not projected
 */
@Serdeable
public record FundingProjection(String dimension, String status, @Nullable String reason, Method method,
                                Inputs inputs, @Nullable FitStats fit, List<CategoryTrend> categories,
                                List<Year> years, List<Outlier> outliers, List<ObservedYear> observed) {
    public static final String PROJECTED = "PROJECTED";
    public static final String NOT_PROJECTED = "NOT_PROJECTED";

    /** @param weighting how quarters count in the fit; @param outlierRule which quarters are down-weighted, how */
    @Serdeable
    public record Method(String name, String description, double confidence, String weighting, String outlierRule) {
    }

    /**
     * @param firstQuarter the first quarter with money, "2015-Q1"; null when there is none
     * @param quarters     quarters with money in the fitted categories
     * @param excluded     categories pooled into OTHER, or left out
     */
    @Serdeable
    public record Inputs(@Nullable String firstQuarter, @Nullable String lastQuarter, int quarters, long rounds,
                         double usd, List<Excluded> excluded) {
    }

    @Serdeable
    public record Excluded(String category, long rounds, int quarters, double usd, String reason) {
    }

    /**
     * @param observations    quarters x (categories - 1): the independent shares
     * @param dispersion      Pearson chi-square over its degrees of freedom: how much more the shares scatter than
     *                        the weights alone imply (the sandwich covariance already holds it)
     * @param autocorrelation of the residuals from one quarter to the next, for information
     * @param pseudoR2        share of the deviance of constant shares that the trends explain
     * @param reference       the category whose log-odds the drifts are measured against
     * @param varianceInflation the delete-a-block jackknife variance of the drifts over the sandwich's (at least 1):
     *                        how much slow swells, invisible in the residuals, add; every interval's variance is
     *                        multiplied by it
     */
    @Serdeable
    public record FitStats(boolean converged, int iterations, int observations, int parameters, int degreesOfFreedom,
                           double dispersion, double autocorrelation, double pseudoR2, String reference,
                           double varianceInflation) {
    }

    /**
     * @param recentShare  observed share of the last four quarters, percent
     * @param driftPerYear change of the log-odds against the reference a year, with its interval
     */
    @Serdeable
    public record CategoryTrend(String category, long rounds, int quarters, double usd, double recentShare,
                                double driftPerYear, double driftLow, double driftHigh) {
    }

    /** The shares of the trend at mid-year; they sum to exactly 100. */
    @Serdeable
    public record Year(int year, List<Share> shares) {
    }

    /** Percent, with the interval at the method's confidence. */
    @Serdeable
    public record Share(String category, double share, double low, double high) {
    }

    /**
     * @param quarter       "2024-Q3"
     * @param category      the category of the quarter's largest standardized residual
     * @param usd           that category's USD in the quarter
     * @param residual      the standardized residual
     * @param weight        what the quarter kept of its weight in the fit, 0..1
     */
    @Serdeable
    public record Outlier(String quarter, String category, double usd, double observedShare, double fittedShare,
                          double residual, double weight) {
    }

    /**
     * The shares recorded in one year, in the fit's categories (pooled ones as OTHER), summing to 100.
     *
     * @param quarters how many of the year's quarters hold money: fewer than four for the year under way
     */
    @Serdeable
    public record ObservedYear(int year, int quarters, List<ObservedShare> shares) {
    }

    @Serdeable
    public record ObservedShare(String category, double share) {
    }
}
