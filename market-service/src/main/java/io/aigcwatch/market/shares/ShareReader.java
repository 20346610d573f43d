package io.aigcwatch.market.shares;

import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Live shares, read from aggregates that events keep current, so a read costs the same whatever the number of
 * rounds. Each share comes with the count and the sum it rests on.
 */
@Singleton
public class ShareReader {
    private static final Map<String, String> FUNDING_DIMENSIONS = Map.of("layer", "LAYER", "country", "COUNTRY",
            "segment", "SEGMENT", "round", "ROUND", "quarter", "QUARTER", "investor", "INVESTOR",
            "lead", "LEAD_INVESTOR");

    private final FundingAggregateRepository aggregates;
    private final CompanyValueRepository companyValues;

    ShareReader(FundingAggregateRepository aggregates, CompanyValueRepository companyValues) {
        this.aggregates = aggregates;
        this.companyValues = companyValues;
    }

    @ReadOnly
    public Shares read(@Nullable String by, @Nullable String metric) {
        String dimension = by == null ? "layer" : by.trim().toLowerCase(Locale.ROOT);
        String measure = metric == null ? "funding" : metric.trim().toLowerCase(Locale.ROOT);
        if (measure.equals("valuation")) {
            if (!dimension.equals("company")) {
                throw ProblemException.invalid("by", "valuation shares are by company; funding shares are by "
                        + FUNDING_DIMENSIONS.keySet());
            }
            return shares(dimension, measure, companyValues.unicornShares(),
                    "the share of each unicorn in their total valuation");
        }
        if (!measure.equals("funding")) {
            throw ProblemException.invalid("metric", "'" + metric + "' is not one of [funding, valuation]");
        }
        String code = FUNDING_DIMENSIONS.get(dimension);
        if (code == null) {
            throw ProblemException.invalid("by", "'" + by + "' is not one of " + FUNDING_DIMENSIONS.keySet()
                    + " (or company, with metric=valuation)");
        }
        String note = dimension.equals("segment") || dimension.startsWith("investor") || dimension.equals("lead")
                ? "a round counts once in each of its " + dimension + "s, so shares are of the sum over " + dimension + "s"
                : "undisclosed amounts count as rounds at USD 0; approximate ones at their point value or mid-range";
        List<ShareRow> rows = aggregates.shares(code);
        if (dimension.equals("quarter")) {
            // a round whose date precision fits no one quarter is counted beside the quarters, never in one of them
            long unplaced = rows.stream().filter(row -> row.key().equals(Contribution.UNPLACED))
                    .mapToLong(ShareRow::count).sum();
            Shares placed = shares(dimension, measure, rows.stream()
                    .filter(row -> !row.key().equals(Contribution.UNPLACED)).toList(), note
                    + "; rounds dated only to a year or as 'on or before' a date are in no quarter (unplacedRounds)");
            return new Shares(placed.by(), placed.metric(), placed.count(), placed.totalUsd(), placed.shares(),
                    placed.note(), unplaced);
        }
        return shares(dimension, measure, rows, note);
    }

    private static Shares shares(String by, String metric, List<ShareRow> rows, String note) {
        BigDecimal total = rows.stream().map(ShareRow::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
        long count = rows.stream().mapToLong(ShareRow::count).sum();
        List<Share> shares = rows.stream().map(row -> new Share(row.key(), row.count(), row.usd(),
                total.signum() == 0 ? BigDecimal.ZERO
                        : row.usd().multiply(BigDecimal.valueOf(100)).divide(total, 2, RoundingMode.HALF_EVEN))).toList();
        return new Shares(by, metric, count, total, shares, note, null);
    }

    /** @param pct percent of the total USD, two decimals */
    @Serdeable
    public record Share(String key, long count, BigDecimal usd, BigDecimal pct) {
    }

    /**
     * @param unplacedRounds by quarter only: the rounds in no quarter because their date is known only to the year or
     *                       as "on or before" a date; they are not in {@code count} or {@code totalUsd}
     */
    @Serdeable
    public record Shares(String by, String metric, long count, BigDecimal totalUsd, List<Share> shares, String note,
                         @Nullable Long unplacedRounds) {
    }
}
