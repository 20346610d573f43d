package io.aigcwatch.market.shares;

import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads the quarterly series that funding-share projections are fitted on: a few hundred rows per series. */
@Singleton
public class FundingSeriesReader {
    private final FundingAggregateRepository aggregates;

    FundingSeriesReader(FundingAggregateRepository aggregates) {
        this.aggregates = aggregates;
    }

    /** How many times each series has changed: a fit made at a revision stays right until the revision moves. */
    @ReadOnly
    public Map<FundingSeries, Long> revisions() {
        Map<FundingSeries, Long> revisions = new EnumMap<>(FundingSeries.class);
        for (ShareRow row : aggregates.seriesRevisions()) {
            FundingSeries.byAggregate(row.key()).ifPresent(series -> revisions.put(series, row.count()));
        }
        return revisions;
    }

    /** The series' cells that count a round; a quarter and category without one raised nothing. */
    @ReadOnly
    public List<FundingSeries.Cell> cells(FundingSeries series) {
        return aggregates.shares(series.aggregate()).stream()
                .map(row -> FundingSeries.Cell.of(row.key(), row.count(), row.usd())).toList();
    }

    /** Rounds dated too loosely for any quarter (a year, or "on or before" a date): in no series. */
    @ReadOnly
    public long unplacedRounds() {
        return aggregates.shares("QUARTER").stream().filter(row -> row.key().equals(Contribution.UNPLACED))
                .mapToLong(ShareRow::count).sum();
    }
}
