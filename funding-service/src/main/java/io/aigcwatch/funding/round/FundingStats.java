package io.aigcwatch.funding.round;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What the active rounds add up to; retracted rounds count nowhere.
 *
 * @param rounds            every active round, whether its amount is known or not
 * @param approximateRounds of those, how many count at an approximate amount
 * @param undisclosedRounds of those, how many add nothing to {@code usdRaised} because the amount is not known
 * @param usdRaised         the USD value (at each round's announcement-month rate) of the disclosed amounts
 * @param usdRaisedBasis    how {@code usdRaised} is counted, in words, so that no reader takes it for exact
 * @param byQuarter         by quarter of the announcement date, such as {@code 2023-Q1}, oldest first; only rounds
 *                          whose date precision places them in one quarter (DAY, MONTH, QUARTER)
 * @param unplacedRounds    the rounds counted in {@code rounds} but in no quarter of {@code byQuarter}: their date
 *                          is known only to the year or as "on or before" (YEAR, BEFORE)
 * @param byLayer           by the company's layer, most raised first
 * @param byCountry         by the company's country, most raised first
 * @param topInvestors      the 10 investors in most active rounds, with their leads, the USD of those rounds and their
 *                          unicorns held,
 *                          from counters the rounds' writes keep (V11); absent when a filter applies, as the counters
 *                          are of every round
 */
@Serdeable
record FundingStats(long rounds, long approximateRounds, long undisclosedRounds, BigDecimal usdRaised,
                    String usdRaisedBasis, List<Bucket> byQuarter, long unplacedRounds, List<Bucket> byLayer,
                    List<Bucket> byCountry, @Nullable List<TopInvestor> topInvestors) {
    static final int TOP_INVESTORS = 10;

    static final String BASIS = "the sum of disclosed amounts in USD at each round's announcement-month rate: EXACT "
            + "amounts as given, APPROXIMATE ones at their value or, when only a range is given, at the midpoint of "
            + "low and high; UNDISCLOSED rounds are counted in rounds and undisclosedRounds but add nothing";
    private static final Comparator<Bucket> MOST_RAISED_FIRST =
            Comparator.comparing(Bucket::usdRaised).reversed().thenComparing(Bucket::key);

    @Serdeable
    record Bucket(String key, long rounds, long approximateRounds, long undisclosedRounds, BigDecimal usdRaised) {
        static Bucket of(FundingRoundRepository.StatsRow row) {
            return new Bucket(row.bucket(), row.rounds(), row.approximateRounds(), row.undisclosedRounds(),
                    RoundView.plain(row.usdRaised()));
        }
    }

    @Serdeable
    record TopInvestor(UUID id, String name, long rounds, long leads, BigDecimal roundsUsd, long unicornsHeld) {
        static TopInvestor of(FundingRoundRepository.TopInvestorRow row) {
            return new TopInvestor(row.id(), row.name(), row.rounds(), row.leads(), RoundView.plain(row.roundsUsd()),
                    row.unicornsHeld());
        }
    }

    static FundingStats of(List<FundingRoundRepository.StatsRow> rows,
                           @Nullable List<FundingRoundRepository.TopInvestorRow> top) {
        FundingRoundRepository.StatsRow total = rows.stream().filter(row -> row.dimension().equals("total"))
                .findFirst().orElseThrow(() -> new IllegalStateException("the totals query gave no total row"));
        return new FundingStats(total.rounds(), total.approximateRounds(), total.undisclosedRounds(),
                RoundView.plain(total.usdRaised()), BASIS,
                buckets(rows, "quarter", Comparator.comparing(Bucket::key)).stream()
                        .filter(bucket -> !bucket.key().equals(FundingRoundRepository.UNPLACED)).toList(),
                rows.stream().filter(row -> row.dimension().equals("quarter")
                                && FundingRoundRepository.UNPLACED.equals(row.bucket()))
                        .mapToLong(FundingRoundRepository.StatsRow::rounds).sum(),
                buckets(rows, "layer", MOST_RAISED_FIRST),
                buckets(rows, "country", MOST_RAISED_FIRST),
                top == null ? null : top.stream().map(TopInvestor::of).toList());
    }

    private static List<Bucket> buckets(List<FundingRoundRepository.StatsRow> rows, String dimension,
                                        Comparator<Bucket> order) {
        return rows.stream().filter(row -> row.dimension().equals(dimension)).map(Bucket::of).sorted(order).toList();
    }
}
