package io.aigcwatch.market.forecast;

import io.aigcwatch.market.shares.FundingSeries;
import io.aigcwatch.market.shares.FundingSeriesReader;
import jakarta.inject.Singleton;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The funding-share projection of each series, refitted only when its series moved: each fit remembers the series
 * revision it was made from (funding's aggregates bump it in the transaction that moves a cell), so a round that
 * touches the layer and country series refits those two and leaves the segment fit alone, and an instance refits
 * what another instance's consumer moved. A fit reads a few hundred cells, whatever the number of rounds.
 */
@Singleton
class FundingProjections {
    private final FundingSeriesReader reader;
    private final FitSettings settings;
    private final Clock clock;
    private final Map<FundingSeries, Fitted> fits = new ConcurrentHashMap<>();

    FundingProjections(FundingSeriesReader reader, FundingProjectionConfig config, Clock clock) {
        this.reader = reader;
        this.settings = config.settings();
        this.clock = clock;
    }

    /**
     * @param revision    of the series the fit was made from
     * @param refitMillis how long reading the series' cells and fitting them took
     */
    record Fitted(long revision, Instant refittedAt, double refitMillis, FundingProjection projection) {

        Freshness freshness() {
            return new Freshness(revision, refittedAt, refitMillis);
        }
    }

    /** What a reader is told of a fit's age: the series' revision it is of, when it was made, how long it took. */
    @Serdeable
    record Freshness(long revision, Instant refittedAt, double refitMillis) {
    }

    /** Every series' projection as of now, refitting the series that moved since their last fit. */
    Map<FundingSeries, Fitted> current() {
        Map<FundingSeries, Long> revisions = reader.revisions();
        Map<FundingSeries, Fitted> current = new EnumMap<>(FundingSeries.class);
        for (FundingSeries series : FundingSeries.values()) {
            long revision = revisions.getOrDefault(series, 0L);
            // read after the revision, so the cells are at least as new as the revision the fit is filed under
            current.put(series, fits.compute(series, (key, fitted) -> fitted != null && fitted.revision() == revision
                    ? fitted : refit(series, revision)));
        }
        return current;
    }

    private Fitted refit(FundingSeries series, long revision) {
        long started = System.nanoTime();
        FundingProjection projection = FundingShareFit.fit(series.apiName(), cells(series), settings);
        return new Fitted(revision, clock.instant(), (System.nanoTime() - started) / 1e6, projection);
    }

    /** Fits the series on the years up to {@code until} and compares with each complete year after it. */
    Backtest backtest(FundingSeries series, int until) {
        return FundingShareFit.backtest(series.apiName(), cells(series), until, lastCompleteYear(), settings);
    }

    int lastCompleteYear() {
        return LocalDate.now(clock).getYear() - 1;
    }

    long unplacedRounds() {
        return reader.unplacedRounds();
    }

    private List<QuarterCell> cells(FundingSeries series) {
        return reader.cells(series).stream().map(cell -> new QuarterCell(cell.year(), cell.quarter(), cell.category(),
                cell.rounds(), cell.usd().doubleValue())).toList();
    }
}
