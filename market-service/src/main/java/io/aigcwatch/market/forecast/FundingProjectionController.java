package io.aigcwatch.market.forecast;

import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.problem.ProblemException;
import io.aigcwatch.market.shares.FundingSeries;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Where the money is going by layer, country and content type, if it goes on, beside what the report expects. */
@Controller("/market/funding-projections")
class FundingProjectionController {
    private static final int EARLIEST_UNTIL = 1990;

    private final FundingProjections projections;
    private final ReportComparison report;

    FundingProjectionController(FundingProjections projections, ReportComparison report) {
        this.projections = projections;
        this.report = report;
    }

    /**
     * @param series         each series' revision (how many times it has changed: the projection is of the series at
     *                       that revision), when it was last refitted and how long that took
     * @param unplacedRounds rounds dated too loosely for any quarter, so in no series
     * @param comparisons    the report's claims that the data can check, over all series whatever {@code by} asks
     */
    @Serdeable
    record ProjectionAnswer(Map<String, FundingProjections.Freshness> series, long unplacedRounds, List<FundingProjection> projections,
                               ReportComparison.ReportSide report, List<ReportComparison.Comparison> comparisons) {
    }

    @Serdeable
    record Backtests(int until, int lastCompleteYear, List<Backtest> backtests) {
    }

    @Get
    ProjectionAnswer projections(@Nullable @QueryValue String by) {
        List<FundingSeries> wanted = series(by);
        Map<FundingSeries, FundingProjections.Fitted> current = projections.current();
        Map<String, FundingProjections.Freshness> fits = new LinkedHashMap<>();
        current.forEach((series, fitted) -> fits.put(series.apiName(), fitted.freshness()));
        return new ProjectionAnswer(fits, projections.unplacedRounds(),
                wanted.stream().map(series -> current.get(series).projection()).toList(), report.report(),
                report.compare(current, projections.lastCompleteYear()));
    }

    @Get("/backtest")
    Backtests backtest(@Nullable @QueryValue String until, @Nullable @QueryValue String by) {
        int last = projections.lastCompleteYear();
        int year = FieldChecks.one(checks -> {
            String text = checks.requiredText("until", until, 16);
            if (text == null) {
                return 0;
            }
            if (!text.matches("\\d{4}")) {
                checks.add("until", FieldChecks.quoted(until) + " is not a year");
                return 0;
            }
            int parsed = Integer.parseInt(text);
            if (parsed < EARLIEST_UNTIL || parsed >= last) {
                checks.add("until", "must be a year from " + EARLIEST_UNTIL + " to " + (last - 1)
                        + ": the fit is compared with the complete years after it, and " + last + " is the last");
            }
            return parsed;
        });
        List<FundingSeries> wanted = series(by);
        return new Backtests(year, last, wanted.stream().map(series -> projections.backtest(series, year)).toList());
    }

    private static List<FundingSeries> series(@Nullable String by) {
        if (by == null || by.isBlank()) {
            return List.of(FundingSeries.values());
        }
        return List.of(FundingSeries.byApiName(by.strip().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                ProblemException.invalid("by", FieldChecks.quoted(by) + " is not one of "
                        + Arrays.stream(FundingSeries.values()).map(FundingSeries::apiName).toList())));
    }
}
