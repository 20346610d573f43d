package io.aigcwatch.stack.generate;

import io.aigcwatch.market.forecast.FitSettings;
import io.aigcwatch.market.forecast.FundingProjection;
import io.aigcwatch.market.forecast.FundingShareFit;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15's acceptance: market-service's funding-share fit against the truth the generator draws from
 * ({@link ShareTrend}). A fixed {@code until}, so that every run sees the same rounds.
 */
class FundingProjectionRecoveryTest {
    private static final LocalDate UNTIL = LocalDate.of(2026, 11, 30);
    private static final int YEAR = 2030;

    /** One large data set: every 2030 share of every dimension within 2 points of the trend at mid-2030. */
    @Test
    void aLargeSeriesRecoversThe2030SharesWithinTwoPoints() throws IOException {
        QuarterCells cells = QuarterCells.generate(1_000_000, 15, UNTIL);
        double worst = 0;
        StringBuilder errors = new StringBuilder();
        for (ShareTrend trend : ShareTrend.ALL) {
            FundingProjection projection = FundingShareFit.fit(trend.dimension(), cells.of(trend.dimension()),
                    FitSettings.defaults());
            assertEquals(FundingProjection.PROJECTED, projection.status(), projection.reason());
            FundingProjection.Year last = projection.years().get(projection.years().size() - 1);
            assertEquals(YEAR, last.year());
            assertEquals(trend.categories().size(), last.shares().size(), trend.dimension());
            for (FundingProjection.Share share : last.shares()) {
                double truth = 100 * trend.share(share.category(), YEAR + 0.5);
                double error = Math.abs(share.share() - truth);
                worst = Math.max(worst, error);
                errors.append(String.format("%s %s %.2f (truth %.2f, %.2f..%.2f)%n", trend.dimension(),
                        share.category(), share.share(), truth, share.low(), share.high()));
                assertTrue(error < 2, trend.dimension() + " " + share + " against " + truth);
            }
        }
        System.out.printf("1,000,000 rounds: largest 2030 error %.2f points%n%s", worst, errors);
    }

    /**
     * 100 smaller data sets: the 2030 intervals (90 %) cover the truth about 90 % of the time. 100 series x 20
     * categories = 2,000 intervals; were they independent the rate's standard error would be 0.7 points, but a
     * series' intervals move together (shares sum to 100, one variance inflation), so the band is +-5 points.
     */
    @Test
    void theIntervalsCoverTheTruthAtTheirStatedRate() throws IOException {
        FitSettings settings = FitSettings.defaults();
        int covered = 0;
        int intervals = 0;
        for (long seed = 1; seed <= 100; seed++) {
            QuarterCells cells = QuarterCells.generate(20_000, seed, UNTIL);
            for (ShareTrend trend : ShareTrend.ALL) {
                FundingProjection projection = FundingShareFit.fit(trend.dimension(), cells.of(trend.dimension()),
                        settings);
                assertEquals(FundingProjection.PROJECTED, projection.status(), seed + ": " + projection.reason());
                FundingProjection.Year last = projection.years().get(projection.years().size() - 1);
                for (FundingProjection.Share share : last.shares()) {
                    double truth = 100 * trend.share(share.category(), YEAR + 0.5);
                    covered += share.low() <= truth && truth <= share.high() ? 1 : 0;
                    intervals++;
                }
            }
        }
        double rate = (double) covered / intervals;
        System.out.printf("2030 intervals covering the truth: %d of %d, %.3f (stated %.2f)%n", covered, intervals,
                rate, settings.confidence());
        assertTrue(Math.abs(rate - settings.confidence()) <= 0.05, "coverage " + rate);
    }
}
