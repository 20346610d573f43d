package io.aigcwatch.market.forecast;

/**
 * What {@link FundingShareFit} projects and when it declines to.
 *
 * @param firstYear           the first projected year
 * @param lastYear            the last projected year
 * @param confidence          of every interval, e.g. 0.90
 * @param minQuarters         fewest quarters with money for a projection at all
 * @param minCategoryRounds   a category with fewer rounds is pooled into OTHER
 * @param minCategoryQuarters a category with money in fewer quarters is pooled into OTHER
 * @param outlierResidual     a quarter whose largest standardized residual exceeds this is down-weighted (Huber)
 * @param maxIterations       of the reweighting loop; a fit that has not settled by then is not projected
 */
public record FitSettings(int firstYear, int lastYear, double confidence, int minQuarters, int minCategoryRounds,
                          int minCategoryQuarters, double outlierResidual, int maxIterations) {

    public FitSettings {
        if (firstYear > lastYear || firstYear < 1900 || lastYear > 2200) {
            throw new IllegalArgumentException("firstYear must not be after lastYear, both within 1900..2200");
        }
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be above 0.5 and below 1");
        }
        if (minQuarters < 4) {
            throw new IllegalArgumentException("minQuarters must be at least 4: a trend needs some degrees of freedom");
        }
        if (minCategoryRounds < 1 || minCategoryQuarters < 2) {
            throw new IllegalArgumentException(
                    "minCategoryRounds must be at least 1 and minCategoryQuarters at least 2");
        }
        if (!(outlierResidual >= 1)) {
            throw new IllegalArgumentException("outlierResidual must be at least 1");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1");
        }
    }

    public static FitSettings defaults() {
        return new FitSettings(2023, 2030, 0.90, 8, 30, 4, 3.0, 100);
    }

    public FitSettings withYears(int first, int last) {
        return new FitSettings(first, last, confidence, minQuarters, minCategoryRounds, minCategoryQuarters,
                outlierResidual, maxIterations);
    }
}
