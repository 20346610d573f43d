package io.aigcwatch.market.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The recorded quarters of one dimension as the fit sees them: thin categories pooled into {@link #OTHER}, the
 * largest category first (it becomes the reference, whose log-odds are the most stable), then the others by USD,
 * OTHER last; only quarters with money in the fitted categories, since a quarter without money has no shares.
 */
final class ShareSeries {
    static final String OTHER = "OTHER";

    final List<String> categories;
    final long[] categoryRounds;
    final int[] categoryQuarters;
    final double[] categoryUsd;
    /** year * 4 + quarter - 1 of each fitted quarter, ascending. */
    final int[] quarterIndex;
    final double[][] usd;
    final double[] rounds;
    final List<FundingProjection.Excluded> excluded;
    /** Where each input category went: a fitted index, or -1 when left out. */
    final Map<String, Integer> placement;

    private ShareSeries(List<String> categories, long[] categoryRounds, int[] categoryQuarters, double[] categoryUsd,
                        int[] quarterIndex, double[][] usd, double[] rounds, List<FundingProjection.Excluded> excluded,
                        Map<String, Integer> placement) {
        this.categories = categories;
        this.categoryRounds = categoryRounds;
        this.categoryQuarters = categoryQuarters;
        this.categoryUsd = categoryUsd;
        this.quarterIndex = quarterIndex;
        this.usd = usd;
        this.rounds = rounds;
        this.excluded = excluded;
        this.placement = placement;
    }

    static ShareSeries of(List<QuarterCell> cells, FitSettings settings) {
        Map<String, Tally> tallies = new TreeMap<>();
        for (QuarterCell cell : cells) {
            tallies.computeIfAbsent(cell.category(), c -> new Tally()).add(cell);
        }
        List<FundingProjection.Excluded> excluded = new ArrayList<>();
        Tally other = tallies.containsKey(OTHER) ? tallies.remove(OTHER) : new Tally();
        List<String> pooled = new ArrayList<>();
        pooled.add(OTHER);
        Map<String, Tally> kept = new LinkedHashMap<>();
        tallies.forEach((category, tally) -> {
            String thin = thinness(tally, settings);
            if (thin == null) {
                kept.put(category, tally);
            } else {
                excluded.add(tally.excluded(category, "pooled into OTHER: " + thin));
                other.merge(tally);
                pooled.add(category);
            }
        });
        Map<String, Integer> placement = new HashMap<>();
        List<Map.Entry<String, Tally>> order = new ArrayList<>(kept.entrySet());
        order.sort(Comparator.comparingDouble((Map.Entry<String, Tally> e) -> -e.getValue().usd)
                .thenComparing(Map.Entry::getKey));
        if (other.rounds > 0 || other.usd > 0) {
            String thin = thinness(other, settings);
            if (thin == null) {
                order.add(Map.entry(OTHER, other));
            } else {
                excluded.add(other.excluded(OTHER, "left out of the fit, even pooled: " + thin
                        + "; the shares are of the other categories"));
                pooled.forEach(category -> placement.put(category, -1));
            }
        }
        List<String> categories = new ArrayList<>();
        for (Map.Entry<String, Tally> entry : order) {
            categories.add(entry.getKey());
        }
        for (int k = 0; k < categories.size(); k++) {
            String category = categories.get(k);
            if (OTHER.equals(category)) {
                for (String member : pooled) {
                    placement.put(member, k);
                }
            } else {
                placement.put(category, k);
            }
        }
        return aggregate(cells, categories, order, excluded, placement);
    }

    private static ShareSeries aggregate(List<QuarterCell> cells, List<String> categories,
                                         List<Map.Entry<String, Tally>> order,
                                         List<FundingProjection.Excluded> excluded, Map<String, Integer> placement) {
        int n = categories.size();
        TreeMap<Integer, double[]> byQuarter = new TreeMap<>();
        TreeMap<Integer, Long> roundsByQuarter = new TreeMap<>();
        for (QuarterCell cell : cells) {
            Integer k = placement.get(cell.category());
            if (k == null || k < 0) {
                continue;
            }
            int index = cell.year() * 4 + cell.quarter() - 1;
            byQuarter.computeIfAbsent(index, i -> new double[n])[k] += cell.usd();
            roundsByQuarter.merge(index, cell.rounds(), Long::sum);
        }
        byQuarter.values().removeIf(row -> total(row) <= 0);
        int[] quarterIndex = new int[byQuarter.size()];
        double[][] usd = new double[byQuarter.size()][];
        double[] rounds = new double[byQuarter.size()];
        int q = 0;
        for (Map.Entry<Integer, double[]> entry : byQuarter.entrySet()) {
            quarterIndex[q] = entry.getKey();
            usd[q] = entry.getValue();
            rounds[q] = roundsByQuarter.get(entry.getKey());
            q++;
        }
        long[] categoryRounds = new long[n];
        int[] categoryQuarters = new int[n];
        double[] categoryUsd = new double[n];
        for (int k = 0; k < n; k++) {
            Tally tally = order.get(k).getValue();
            categoryRounds[k] = tally.rounds;
            categoryQuarters[k] = tally.quarters.size();
            categoryUsd[k] = tally.usd;
        }
        return new ShareSeries(List.copyOf(categories), categoryRounds, categoryQuarters, categoryUsd, quarterIndex,
                usd, rounds, List.copyOf(excluded), placement);
    }

    private static String thinness(Tally tally, FitSettings settings) {
        if (tally.rounds < settings.minCategoryRounds()) {
            return tally.rounds + " rounds, fewer than " + settings.minCategoryRounds();
        }
        if (tally.quarters.size() < settings.minCategoryQuarters()) {
            return "money in " + tally.quarters.size() + " quarters, fewer than " + settings.minCategoryQuarters();
        }
        return null;
    }

    static double total(double[] row) {
        double sum = 0;
        for (double value : row) {
            sum += value;
        }
        return sum;
    }

    /** The quarters {@code from} (inclusive) to {@code to} (exclusive), same categories. */
    ShareSeries slice(int from, int to) {
        return new ShareSeries(categories, categoryRounds, categoryQuarters, categoryUsd,
                java.util.Arrays.copyOfRange(quarterIndex, from, to), java.util.Arrays.copyOfRange(usd, from, to),
                java.util.Arrays.copyOfRange(rounds, from, to), excluded, placement);
    }

    int size() {
        return quarterIndex.length;
    }

    /** The quarter's midpoint in fractional years: 2024-Q3 is 2024.625. */
    double time(int q) {
        return quarterIndex[q] / 4 + (quarterIndex[q] % 4 + 0.5) / 4;
    }

    String label(int q) {
        return quarterLabel(quarterIndex[q]);
    }

    static String quarterLabel(int quarterIndex) {
        return quarterIndex / 4 + "-Q" + (quarterIndex % 4 + 1);
    }

    long totalRounds() {
        long sum = 0;
        for (double r : rounds) {
            sum += (long) r;
        }
        return sum;
    }

    double totalUsd() {
        double sum = 0;
        for (double[] row : usd) {
            sum += total(row);
        }
        return sum;
    }

    private static final class Tally {
        long rounds;
        double usd;
        final java.util.Set<Integer> quarters = new java.util.HashSet<>();

        void add(QuarterCell cell) {
            rounds += cell.rounds();
            usd += cell.usd();
            if (cell.usd() > 0) {
                quarters.add(cell.year() * 4 + cell.quarter() - 1);
            }
        }

        void merge(Tally other) {
            rounds += other.rounds;
            usd += other.usd;
            quarters.addAll(other.quarters);
        }

        FundingProjection.Excluded excluded(String category, String reason) {
            return new FundingProjection.Excluded(category, rounds, quarters.size(), usd, reason);
        }
    }
}
