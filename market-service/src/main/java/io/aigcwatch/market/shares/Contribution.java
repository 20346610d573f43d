package io.aigcwatch.market.shares;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.CompanyProfileData;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.SegmentCodes;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
    private static final Set<String> COMPANY_DIMENSIONS = Set.of("LAYER", "COUNTRY", "SEGMENT");

    static Contribution of(FundingRoundData round) {
        Set<String> buckets = new LinkedHashSet<>();
        int quarter = (round.announcedOn().getMonthValue() - 1) / 3 + 1;
        buckets.add("QUARTER" + SEPARATOR + (round.announcedPrecision().placesQuarter()
                ? round.announcedOn().getYear() + "-Q" + quarter : UNPLACED));
        buckets.add("ROUND" + SEPARATOR + round.round());
        buckets.addAll(companyBuckets(round.company().layer(), round.company().country(), round.company().segments()));
        for (InvestorData investor : round.investors()) {
            buckets.add("INVESTOR" + SEPARATOR + investor.name());
            if (investor.lead()) {
                buckets.add("LEAD_INVESTOR" + SEPARATOR + investor.name());
            }
        }
        return new Contribution(new ArrayList<>(buckets), usd(round));
    }

    /** The buckets a round takes from its company's profile: the only ones an edit of the company moves. */
    private static List<String> companyBuckets(Layer layer, String country, List<String> segments) {
        Set<String> buckets = new LinkedHashSet<>();
        buckets.add("LAYER" + SEPARATOR + layer);
        buckets.add("COUNTRY" + SEPARATOR + country);
        for (String segment : segments) {
            buckets.add("SEGMENT" + SEPARATOR + segment);
        }
        return List.copyOf(buckets);
    }

    /**
     * This contribution with its company's buckets those of the edited profile, and every other bucket and the USD
     * as they were: what the round contributes once its company moved.
     */
    Contribution rebucketed(CompanyProfileData company) {
        List<String> moved = new ArrayList<>(buckets.size());
        for (String bucket : buckets) {
            if (!COMPANY_DIMENSIONS.contains(bucket.substring(0, bucket.indexOf(SEPARATOR)))) {
                moved.add(bucket);
            }
        }
        moved.addAll(companyBuckets(company.layer(), company.country(), company.segments()));
        return new Contribution(moved, usd);
    }

    /** Whether the two count in the same buckets, whatever their order, for the same USD. */
    boolean sameAs(Contribution other) {
        return usd.compareTo(other.usd) == 0 && Set.copyOf(buckets).equals(Set.copyOf(other.buckets));
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

    /**
     * The cells of the quarterly series this round counts in (see {@link FundingSeries}), each with the USD it holds
     * there: derived from {@link #buckets} alone, so that what a stored contribution added is what it takes out. A
     * round in no quarter is in no series; its USD is split evenly over its company's content types, to the cent.
     */
    List<Contribution> seriesCells() {
        String quarter = null;
        String layer = null;
        String country = null;
        List<String> contentTypes = new ArrayList<>(2);
        for (String bucket : buckets) {
            int split = bucket.indexOf(SEPARATOR);
            String value = bucket.substring(split + 1);
            switch (bucket.substring(0, split)) {
                case "QUARTER" -> quarter = value;
                case "LAYER" -> layer = value;
                case "COUNTRY" -> country = value;
                case "SEGMENT" -> {
                    if (SegmentCodes.CONTENT_TYPES.contains(value)) {
                        contentTypes.add(value);
                    }
                }
                default -> {
                }
            }
        }
        if (quarter == null || quarter.equals(UNPLACED)) {
            return List.of();
        }
        List<Contribution> cells = new ArrayList<>(2 + contentTypes.size());
        if (layer != null) {
            cells.add(new Contribution(List.of(FundingSeries.LAYER.key(quarter, layer)), usd));
        }
        if (country != null) {
            cells.add(new Contribution(List.of(FundingSeries.COUNTRY.key(quarter, country)), usd));
        }
        if (!contentTypes.isEmpty()) {
            BigDecimal part = usd.divide(BigDecimal.valueOf(contentTypes.size()), 2, RoundingMode.HALF_UP);
            for (String type : contentTypes) {
                cells.add(new Contribution(List.of(FundingSeries.SEGMENT.key(quarter, type)), part));
            }
        }
        return cells;
    }

    String encodedBuckets() {
        return String.join("\n", buckets);
    }

    static List<String> decode(String encoded) {
        return encoded.isEmpty() ? List.of() : List.of(encoded.split("\n"));
    }
}
