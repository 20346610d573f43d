package io.aigcwatch.stack.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The truth behind a generated data set: the share of USD raised that each category of one dimension (layer,
 * country or segment) takes at a moment, as a multinomial logit that is linear in time,
 * {@code share_k(t) = exp(a_k + b_k (t - 2020)) / sum_j exp(a_j + b_j (t - 2020))}, with {@code t} in fractional
 * years. Each share thus drifts logistically and the shares always sum to one; {@code a_k} is the log of the
 * category's weight in 2020 and {@code b_k} its drift in log-odds a year against the others. A fit of the recorded
 * series (issue 15) can be checked against {@link #share}. docs/synthetic-data.md lists the values.
 *
 * @param categories  in the order the generator draws them
 * @param companyMix  the fraction of companies in each category, independent of time (same order)
 * @param weight2020  each category's share in 2020 before normalisation (same order)
 * @param drift       each category's {@code b_k}, in log-odds a year (same order)
 */
public record ShareTrend(String dimension, List<String> categories, double[] companyMix, double[] weight2020,
                         double[] drift) {
    static final double ORIGIN_YEAR = 2020.0;

    public static final ShareTrend LAYER = new ShareTrend("layer",
            List.of("INFRASTRUCTURE", "MODEL", "APPLICATION"),
            new double[] {0.30, 0.20, 0.50},
            new double[] {0.40, 0.25, 0.35},
            new double[] {-0.06, 0.15, 0.00});

    public static final ShareTrend COUNTRY = new ShareTrend("country",
            List.of("US", "CN", "GB", "FR", "JP", "DE", "CA", "IL", "KR", "IN", "SG"),
            new double[] {0.42, 0.20, 0.08, 0.05, 0.04, 0.04, 0.04, 0.04, 0.03, 0.03, 0.03},
            new double[] {0.55, 0.18, 0.06, 0.03, 0.03, 0.03, 0.03, 0.03, 0.02, 0.02, 0.02},
            new double[] {0.03, -0.08, 0.00, 0.08, -0.03, 0.00, 0.00, 0.00, 0.02, 0.05, 0.02});

    /** A generated company has exactly one segment, so that a share by segment is unambiguous. */
    public static final ShareTrend SEGMENT = new ShareTrend("segment",
            List.of("TEXT", "IMAGE", "VIDEO", "AUDIO", "CODE", "VIRTUAL_HUMAN"),
            new double[] {0.30, 0.18, 0.12, 0.10, 0.15, 0.15},
            new double[] {0.40, 0.15, 0.08, 0.07, 0.15, 0.15},
            new double[] {-0.05, -0.03, 0.12, 0.00, 0.08, 0.10});

    public static final List<ShareTrend> ALL = List.of(LAYER, COUNTRY, SEGMENT);

    public ShareTrend {
        int n = categories.size();
        if (companyMix.length != n || weight2020.length != n || drift.length != n) {
            throw new IllegalArgumentException(dimension + ": one mix, weight and drift per category");
        }
        companyMix = companyMix.clone();
        weight2020 = weight2020.clone();
        drift = drift.clone();
    }

    /** The true share (0..1) of {@code category} in USD raised at {@code year} (fractional: 2024.5 is mid-2024). */
    public double share(String category, double year) {
        int index = categories.indexOf(category);
        if (index < 0) {
            throw new IllegalArgumentException(dimension + " has no category " + category);
        }
        return shares(year)[index];
    }

    /** Every category's true share at {@code year}, in the order of {@link #categories}. */
    public Map<String, Double> sharesAt(double year) {
        double[] shares = shares(year);
        Map<String, Double> byCategory = new LinkedHashMap<>();
        for (int i = 0; i < shares.length; i++) {
            byCategory.put(categories.get(i), shares[i]);
        }
        return byCategory;
    }

    double[] shares(double year) {
        double[] shares = new double[categories.size()];
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            shares[i] = weight2020[i] * StrictMath.exp(drift[i] * (year - ORIGIN_YEAR));
            sum += shares[i];
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] /= sum;
        }
        return shares;
    }

    /**
     * How much a round of a company in category {@code index} is scaled at {@code year}: its true share over the
     * fraction of companies in it. Categories are drawn independently of each other and of the round's base size,
     * so the expected USD of a category is proportional to mix x (share / mix) = share.
     */
    double multiplier(int index, double year) {
        return shares(year)[index] / companyMix[index];
    }

    /** The category for a uniform draw in [0, 1), by {@link #companyMix}. */
    int draw(double uniform) {
        double cumulative = 0;
        for (int i = 0; i < companyMix.length; i++) {
            cumulative += companyMix[i];
            if (uniform < cumulative) {
                return i;
            }
        }
        return companyMix.length - 1;
    }
}
