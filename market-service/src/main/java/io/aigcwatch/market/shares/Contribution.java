package io.aigcwatch.market.shares;

import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.InvestorData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The buckets one round counts in, one per dimension (several for segments and investors), and the USD it adds.
 * An undisclosed amount still counts as a round, for USD 0; an approximate one counts at its point value, else at
 * the middle of its range.
 */
record Contribution(List<String> buckets, BigDecimal usd) {
    static final String SEPARATOR = "\u001f";
    /** What a retracted round adds: nothing. */
    static final Contribution NONE = new Contribution(List.of(), BigDecimal.ZERO);

    /** The quarter bucket of a round known only to the year or as "on or before" a date: no quarter can hold it. */
    static final String UNPLACED = "UNPLACED";

    static Contribution of(FundingRoundData round) {
        Set<String> buckets = new LinkedHashSet<>();
        int quarter = (round.announcedOn().getMonthValue() - 1) / 3 + 1;
        buckets.add("QUARTER" + SEPARATOR + (round.announcedPrecision().placesQuarter()
                ? round.announcedOn().getYear() + "-Q" + quarter : UNPLACED));
        buckets.add("LAYER" + SEPARATOR + round.company().layer());
        buckets.add("COUNTRY" + SEPARATOR + round.company().country());
        buckets.add("ROUND" + SEPARATOR + round.round());
        for (String segment : round.company().segments()) {
            buckets.add("SEGMENT" + SEPARATOR + segment);
        }
        for (InvestorData investor : round.investors()) {
            buckets.add("INVESTOR" + SEPARATOR + investor.name());
            if (investor.lead()) {
                buckets.add("LEAD_INVESTOR" + SEPARATOR + investor.name());
            }
        }
        return new Contribution(new ArrayList<>(buckets), usd(round));
    }

    private static BigDecimal usd(FundingRoundData round) {
        if (round.amount().usd() != null) {
            return round.amount().usd();
        }
        if (round.amount().usdLow() != null && round.amount().usdHigh() != null) {
            return round.amount().usdLow().add(round.amount().usdHigh()).divide(BigDecimal.valueOf(2));
        }
        return BigDecimal.ZERO;
    }

    String encodedBuckets() {
        return String.join("\n", buckets);
    }

    static List<String> decode(String encoded) {
        return encoded.isEmpty() ? List.of() : List.of(encoded.split("\n"));
    }
}
