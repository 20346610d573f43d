package io.aigcwatch.market.forecast;

import io.aigcwatch.market.projection.AssumptionStore;
import io.aigcwatch.market.projection.Assumptions;
import io.aigcwatch.market.projection.Projection;
import io.aigcwatch.market.projection.ProjectionModel;
import io.aigcwatch.market.shares.FundingSeries;
import io.aigcwatch.market.shares.FundingSeriesReader;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The report's own projection (revenue models and market size, its three stages) beside the data's, and each of
 * the report's claims that the data can check, with a verdict: AGREES, DISAGREES, or CANNOT_TELL (the series is not
 * projected, the years were not recorded, or the trend moves the share by less than {@link #NOTICEABLE} points).
 */
@Singleton
class ReportComparison {
    /** Share points below which a projected move is too small to count for or against a claim. */
    static final double NOTICEABLE = 0.5;

    private final AssumptionStore assumptions;
    private final FundingSeriesReader reader;
    private final int minimumRounds;

    ReportComparison(AssumptionStore assumptions, FundingSeriesReader reader, FundingProjectionConfig config) {
        this.assumptions = assumptions;
        this.reader = reader;
        this.minimumRounds = config.minCategoryRounds();
    }

    /** @param revenueModels the report's base projection, 2023-2030, with its warnings (its inputs disagree) */
    @Serdeable
    record ReportSide(@Nullable String source, long assumptionsVersion, List<Assumptions.Stage> stages,
                      Projection revenueModels) {
    }

    /**
     * @param says     the report's words (Chinese, as published)
     * @param reading  what was checked
     * @param observed what the data shows, in words with the numbers
     */
    @Serdeable
    record Comparison(int reportLine, String says, String reading, String series, @Nullable String category,
                      String observed, String verdict) {
    }

    ReportSide report() {
        AssumptionStore.Versioned current = assumptions.current();
        List<Assumptions.Stage> stages = current.assumptions().stages();
        return new ReportSide(current.assumptions().source(), current.version(), stages == null ? List.of() : stages,
                ProjectionModel.project(current.assumptions(), current.version(), FundingProjectionConfig.FIRST_YEAR,
                        FundingProjectionConfig.LAST_YEAR, "BASE"));
    }

    List<Comparison> compare(Map<FundingSeries, FundingProjections.Fitted> projections, int lastCompleteYear) {
        List<Comparison> comparisons = new ArrayList<>();
        for (ReportClaim claim : ReportClaim.ALL) {
            FundingProjection projection = projections.get(claim.series()).projection();
            comparisons.add(claim.direction() == ReportClaim.Direction.MULTIPLIES
                    ? growth(claim, lastCompleteYear) : trend(claim, projection));
        }
        return comparisons;
    }

    private static Comparison trend(ReportClaim claim, FundingProjection projection) {
        if (!FundingProjection.PROJECTED.equals(projection.status())) {
            return verdict(claim, "the " + claim.series().apiName() + " series is not projected: "
                    + projection.reason(), "CANNOT_TELL");
        }
        Optional<FundingProjection.Share> from = share(projection, claim.fromYear(), claim.category());
        Optional<FundingProjection.Share> to = share(projection, claim.toYear(), claim.category());
        if (from.isEmpty() || to.isEmpty()) {
            return verdict(claim, claim.category() + " is not a category of its own in the projection (too few"
                    + " rounds or quarters; see inputs.excluded)", "CANNOT_TELL");
        }
        double move = to.get().share() - from.get().share();
        String observed = String.format(Locale.ROOT, "the data's trend: %s %.1f%% (%.1f-%.1f) in %d, %.1f%%"
                        + " (%.1f-%.1f) in %d, %+.1f points", claim.category(), from.get().share(), from.get().low(),
                from.get().high(), claim.fromYear(), to.get().share(), to.get().low(), to.get().high(), claim.toYear(),
                move);
        if (Math.abs(move) < NOTICEABLE) {
            return verdict(claim, observed, "CANNOT_TELL");
        }
        boolean rises = move > 0;
        return verdict(claim, observed, rises == (claim.direction() == ReportClaim.Direction.RISES)
                ? "AGREES" : "DISAGREES");
    }

    /**
     * Measured on what was recorded, and only where both years hold at least as many rounds as a category needs to be
     * fitted on its own: a year with a handful of rounds (or none) says more about what was entered than about the
     * market, and a verdict on it would be noise.
     */
    private Comparison growth(ReportClaim claim, int lastCompleteYear) {
        if (claim.toYear() > lastCompleteYear) {
            return verdict(claim, claim.toYear() + " is not over yet", "CANNOT_TELL");
        }
        List<FundingSeries.Cell> cells = reader.cells(claim.series());
        Raised before = raised(cells, claim, claim.fromYear());
        Raised after = raised(cells, claim, claim.toYear());
        String what = claim.category() == null ? "all recorded rounds" : claim.series().apiName() + " "
                + claim.category();
        String observed = String.format(Locale.ROOT, "%s: USD %.0f in %d (%d rounds), USD %.0f in %d (%d rounds)",
                what, before.usd(), claim.fromYear(), before.rounds(), after.usd(), claim.toYear(), after.rounds());
        if (before.rounds() < minimumRounds || after.rounds() < minimumRounds || before.usd() <= 0) {
            return verdict(claim, observed + "; too few to tell, each year needs " + minimumRounds, "CANNOT_TELL");
        }
        double times = after.usd() / before.usd();
        return verdict(claim, String.format(Locale.ROOT, "%s, x%.2f", observed, times),
                times >= claim.atLeastTimes() ? "AGREES" : "DISAGREES");
    }

    private record Raised(double usd, long rounds) {
    }

    /** USD and rounds recorded in a year's quarters (a round dated only to the year is in no quarter, so not here). */
    private static Raised raised(List<FundingSeries.Cell> cells, ReportClaim claim, int year) {
        List<FundingSeries.Cell> counted = cells.stream()
                .filter(cell -> cell.year() == year)
                .filter(cell -> claim.category() == null || cell.category().equals(claim.category()))
                .toList();
        return new Raised(counted.stream().mapToDouble(cell -> cell.usd().doubleValue()).sum(),
                counted.stream().mapToLong(FundingSeries.Cell::rounds).sum());
    }

    private static Optional<FundingProjection.Share> share(FundingProjection projection, int year, String category) {
        return projection.years().stream().filter(y -> y.year() == year).flatMap(y -> y.shares().stream())
                .filter(share -> share.category().equals(category)).findFirst();
    }

    private static Comparison verdict(ReportClaim claim, String observed, String verdict) {
        return new Comparison(claim.line(), claim.says(), claim.reading(), claim.series().apiName(), claim.category(),
                observed, verdict);
    }
}
