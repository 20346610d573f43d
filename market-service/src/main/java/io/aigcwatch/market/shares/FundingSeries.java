package io.aigcwatch.market.shares;

import io.aigcwatch.events.market.MarketCriteria;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The quarterly series of USD raised that funding-share projections are fitted on: one per dimension, one cell per
 * quarter and category, kept in {@code funding_aggregate} under {@link #aggregate} with buckets
 * {@code <quarter>|<category>} (V6 explains which rounds count where).
 */
public enum FundingSeries {
    LAYER("QUARTER_LAYER"),
    COUNTRY("QUARTER_COUNTRY"),
    /** The taxonomy's content types ({@code SegmentCodes.CONTENT_TYPES}) only. */
    SEGMENT("QUARTER_SEGMENT");

    /** The output scope fitted on these series, due for a recompute whenever funding events are applied. */
    public static final String PROJECTION_SCOPE = MarketCriteria.FUNDING_PROJECTIONS;
    private static final String CELL_SEPARATOR = "|";

    private final String aggregate;

    FundingSeries(String aggregate) {
        this.aggregate = aggregate;
    }

    /** The dimension's name in the API: {@code layer}, {@code country}, {@code segment}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String aggregate() {
        return aggregate;
    }

    public static Optional<FundingSeries> byApiName(String name) {
        return Arrays.stream(values()).filter(series -> series.apiName().equals(name)).findFirst();
    }

    static Optional<FundingSeries> byAggregate(String dimension) {
        return Arrays.stream(values()).filter(series -> series.aggregate.equals(dimension)).findFirst();
    }

    /** The aggregate key of a cell, as {@link FundingAggregateRepository#addDeltas} takes it. */
    String key(String quarter, String category) {
        return aggregate + Contribution.SEPARATOR + quarter + CELL_SEPARATOR + category;
    }

    /** One cell of a series: USD raised in a quarter ({@code 2024-Q3}) by a category. */
    public record Cell(int year, int quarter, String category, long rounds, BigDecimal usd) {

        static Cell of(String bucket, long rounds, BigDecimal usd) {
            int split = bucket.indexOf(CELL_SEPARATOR);
            String quarter = bucket.substring(0, split);
            int mark = quarter.indexOf("-Q");
            return new Cell(Integer.parseInt(quarter.substring(0, mark)), Integer.parseInt(quarter.substring(mark + 2)),
                    bucket.substring(split + 1), rounds, usd);
        }
    }
}
