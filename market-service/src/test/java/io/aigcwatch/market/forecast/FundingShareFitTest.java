package io.aigcwatch.market.forecast;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FundingShareFitTest {
    private static final List<String> CATEGORIES = List.of("A", "B", "C", "D");
    private static final double[] WEIGHT_2020 = {0.40, 0.30, 0.20, 0.10};
    private static final double[] DRIFT = {0.00, -0.10, 0.12, 0.05};

    @Test
    void everyYearsSharesSumToExactlyOneHundredWithBoundsInsideZeroToOneHundred() {
        FundingProjection projection = FundingShareFit.fit("layer", trend(2015, 2026, 1), FitSettings.defaults());

        assertEquals(FundingProjection.PROJECTED, projection.status());
        assertNull(projection.reason());
        assertEquals(8, projection.years().size());
        for (FundingProjection.Year year : projection.years()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (FundingProjection.Share share : year.shares()) {
                sum = sum.add(BigDecimal.valueOf(share.share()));
                assertTrue(share.low() > 0 && share.low() <= share.share() && share.share() <= share.high()
                        && share.high() < 100, year.year() + " " + share);
            }
            assertEquals(0, new BigDecimal("100.00").compareTo(sum), year.year() + " sums to " + sum);
        }
        FundingProjection.FitStats fit = projection.fit();
        assertTrue(fit.converged());
        assertEquals("A", fit.reference());
        assertEquals(48 * 3, fit.observations());
        assertEquals(6, fit.parameters());
        assertTrue(fit.pseudoR2() > 0.5, "pseudo R2 " + fit.pseudoR2());
        assertEquals("2015-Q1", projection.inputs().firstQuarter());
        assertEquals("2026-Q4", projection.inputs().lastQuarter());
        assertEquals(FundingShareFit.METHOD, projection.method().name());
    }

    @Test
    void aCleanTrendIsRecoveredWithItsDrifts() {
        FundingProjection projection = FundingShareFit.fit("layer", trend(2015, 2026, 2), FitSettings.defaults());

        FundingProjection.Year last = projection.years().get(projection.years().size() - 1);
        assertEquals(2030, last.year());
        double[] truth = truth(2030.5);
        for (int k = 0; k < CATEGORIES.size(); k++) {
            FundingProjection.Share share = share(last, CATEGORIES.get(k));
            // one series' interval misses the truth now and then by design; the rate is local-stack's test
            assertEquals(100 * truth[k], share.share(), 1.0, share.toString());
        }
        for (FundingProjection.CategoryTrend trend : projection.categories()) {
            double drift = DRIFT[CATEGORIES.indexOf(trend.category())] - DRIFT[0];
            assertEquals(drift, trend.driftPerYear(), 0.02, trend.toString());
            assertTrue(trend.driftLow() <= trend.driftPerYear() && trend.driftPerYear() <= trend.driftHigh());
        }
    }

    @Test
    void tooFewQuartersOrCategoriesAreNotProjectedAndSayWhy() {
        List<QuarterCell> sixQuarters = trend(2025, 2026, 3).stream()
                .filter(cell -> cell.year() == 2026 || cell.quarter() > 2).toList();
        FundingProjection few = FundingShareFit.fit("country", sixQuarters, FitSettings.defaults());
        assertEquals(FundingProjection.NOT_PROJECTED, few.status());
        assertTrue(few.reason().contains("only 6 quarters have money"), few.reason());
        assertNull(few.fit());
        assertTrue(few.years().isEmpty() && few.categories().isEmpty());
        assertEquals(6, few.inputs().quarters());

        List<QuarterCell> one = trend(2015, 2026, 3).stream().filter(cell -> cell.category().equals("A")).toList();
        FundingProjection single = FundingShareFit.fit("country", one, FitSettings.defaults());
        assertEquals(FundingProjection.NOT_PROJECTED, single.status());
        assertTrue(single.reason().contains("at least two categories"), single.reason());

        FundingProjection nothing = FundingShareFit.fit("country", List.of(), FitSettings.defaults());
        assertEquals(FundingProjection.NOT_PROJECTED, nothing.status());
        assertNull(nothing.inputs().firstQuarter());
    }

    @Test
    void smallCategoriesArePooledIntoOtherAndAnOtherTooThinIsLeftOut() {
        List<QuarterCell> cells = new ArrayList<>(trend(2015, 2026, 4));
        for (int year = 2020; year <= 2024; year++) {
            cells.add(new QuarterCell(year, 2, "XX", 4, 2e6));
            cells.add(new QuarterCell(year, 3, "YY", 3, 1e6));
        }
        FundingProjection pooled = FundingShareFit.fit("segment", cells, FitSettings.defaults());
        assertEquals(FundingProjection.PROJECTED, pooled.status());
        assertEquals(List.of("XX", "YY"), pooled.inputs().excluded().stream().map(FundingProjection.Excluded::category)
                .toList());
        assertTrue(pooled.inputs().excluded().get(0).reason().startsWith("pooled into OTHER: 20 rounds"),
                pooled.inputs().excluded().get(0).reason());
        assertEquals("OTHER", pooled.categories().get(pooled.categories().size() - 1).category());
        assertEquals(35, pooled.categories().get(pooled.categories().size() - 1).rounds());
        assertTrue(pooled.years().get(0).shares().stream().anyMatch(share -> share.category().equals("OTHER")));

        List<QuarterCell> lonely = new ArrayList<>(trend(2015, 2026, 4));
        lonely.add(new QuarterCell(2021, 1, "ZZ", 2, 5e6));
        FundingProjection leftOut = FundingShareFit.fit("segment", lonely, FitSettings.defaults());
        assertEquals(List.of("ZZ", "OTHER"), leftOut.inputs().excluded().stream()
                .map(FundingProjection.Excluded::category).toList());
        assertTrue(leftOut.inputs().excluded().get(1).reason().startsWith("left out of the fit"));
        assertFalse(leftOut.years().get(0).shares().stream().anyMatch(share -> share.category().equals("OTHER")));
    }

    @Test
    void aMegaRoundQuarterIsReportedAsAnOutlierAndBarelyMovesTheFit() {
        List<QuarterCell> clean = trend(2015, 2026, 5);
        List<QuarterCell> mega = new ArrayList<>(clean);
        mega.add(new QuarterCell(2021, 2, "D", 1, 2e11));

        FundingProjection plain = FundingShareFit.fit("layer", clean, FitSettings.defaults());
        FundingProjection hit = FundingShareFit.fit("layer", mega, FitSettings.defaults());

        FundingProjection.Outlier outlier = hit.outliers().stream()
                .filter(o -> o.quarter().equals("2021-Q2")).findFirst().orElseThrow();
        assertEquals("D", outlier.category());
        assertTrue(outlier.weight() > 0 && outlier.weight() < 0.1, outlier.toString());
        assertTrue(outlier.residual() > 3, outlier.toString());
        assertTrue(outlier.observedShare() > 50 && outlier.fittedShare() < 15, outlier.toString());
        assertTrue(plain.outliers().stream().noneMatch(o -> o.quarter().equals("2021-Q2")));
        FundingProjection.Year before = plain.years().get(plain.years().size() - 1);
        FundingProjection.Year after = hit.years().get(hit.years().size() - 1);
        for (String category : CATEGORIES) {
            assertEquals(share(before, category).share(), share(after, category).share(), 0.5, category);
        }
    }

    @Test
    void aBacktestOnACleanTrendIsCloseAndComparesEveryLaterYear() {
        Backtest backtest = FundingShareFit.backtest("layer", trend(2015, 2026, 6), 2022, 2025,
                FitSettings.defaults());

        assertEquals(FundingProjection.PROJECTED, backtest.status());
        assertEquals("2022-Q4", backtest.fittedOn().lastQuarter());
        assertEquals(List.of(2023, 2024, 2025), backtest.years().stream().map(Backtest.BacktestYear::year).toList());
        assertEquals(List.of(1, 2, 3), backtest.years().stream().map(Backtest.BacktestYear::horizon).toList());
        assertTrue(backtest.meanAbsoluteError() < 1.0, "MAE " + backtest.meanAbsoluteError());
        assertTrue(backtest.coverage() >= 0.5, "coverage " + backtest.coverage());
        assertEquals(4, backtest.years().get(0).categories().size());

        Backtest thin = FundingShareFit.backtest("layer", trend(2015, 2026, 6), 2015, 2025, FitSettings.defaults());
        assertEquals(FundingProjection.NOT_PROJECTED, thin.status());
        assertNull(thin.meanAbsoluteError());
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        FitSettings settings = FitSettings.defaults();
        List<QuarterCell> cells = trend(2015, 2026, 7);
        assertMessage("quarter 2024-Q5", () -> FundingShareFit.fit("layer",
                List.of(new QuarterCell(2024, 5, "A", 1, 1)), settings));
        assertMessage("must be finite and not negative", () -> FundingShareFit.fit("layer",
                List.of(new QuarterCell(2024, 1, "A", 1, -1)), settings));
        assertMessage("must be finite and not negative", () -> FundingShareFit.fit("layer",
                List.of(new QuarterCell(2024, 1, "A", 1, Double.NaN)), settings));
        assertMessage("every cell needs a category", () -> FundingShareFit.fit("layer",
                List.of(new QuarterCell(2024, 1, " ", 1, 1)), settings));
        assertMessage("dimension is required", () -> FundingShareFit.fit(" ", cells, settings));
        assertMessage("must be before lastCompleteYear", () -> FundingShareFit.backtest("layer", cells, 2025, 2025,
                settings));
        assertMessage("confidence", () -> new FitSettings(2023, 2030, 1.5, 8, 30, 4, 3, 100));
        assertMessage("firstYear", () -> new FitSettings(2031, 2030, 0.9, 8, 30, 4, 3, 100));
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    private static FundingProjection.Share share(FundingProjection.Year year, String category) {
        return year.shares().stream().filter(s -> s.category().equals(category)).findFirst().orElseThrow();
    }

    private static double[] truth(double year) {
        double[] shares = new double[CATEGORIES.size()];
        double sum = 0;
        for (int k = 0; k < shares.length; k++) {
            shares[k] = WEIGHT_2020[k] * Math.exp(DRIFT[k] * (year - 2020));
            sum += shares[k];
        }
        for (int k = 0; k < shares.length; k++) {
            shares[k] /= sum;
        }
        return shares;
    }

    /** Quarterly cells following {@link #truth}, 2 % lognormal noise on each category's USD, 200 rounds a quarter. */
    private static List<QuarterCell> trend(int fromYear, int toYear, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<QuarterCell> cells = new ArrayList<>();
        for (int year = fromYear; year <= toYear; year++) {
            for (int quarter = 1; quarter <= 4; quarter++) {
                double[] shares = truth(year + (quarter - 0.5) / 4);
                for (int k = 0; k < shares.length; k++) {
                    double noise = Math.exp(0.02 * gaussian(random));
                    cells.add(new QuarterCell(year, quarter, CATEGORIES.get(k), Math.round(200 * shares[k]) + 1,
                            1e9 * shares[k] * noise));
                }
            }
        }
        return cells;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
