package io.aigcwatch.market.projection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The projection maths, free of I/O so that it can be checked against hand-computed values.
 * <ul>
 *   <li>Size grows at the compound rate implied by consecutive anchors; a scenario factor phases in from the first
 *       anchor year to the last.</li>
 *   <li>Shares move between anchors along a logistic (Fisher-Pry) path, or a straight line, then every year is
 *       normalised to exactly 100% through the OTHER residual. Inputs that over- or under-shoot are named in a
 *       warning with the correction made.</li>
 * </ul>
 */
public final class ProjectionModel {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Log-odds are undefined at 0% and 100%; a share that touches either is treated as this close to it. */
    private static final double EDGE = 0.0001;
    private static final List<RevenueModel> NAMED = List.of(RevenueModel.MAAS, RevenueModel.PAY_PER_OUTPUT,
            RevenueModel.SUBSCRIPTION, RevenueModel.MODEL_TRAINING);

    private ProjectionModel() {
    }

    public static Projection project(Assumptions assumptions, long version, int from, int to, String scenario) {
        Set<String> warnings = new LinkedHashSet<>();
        List<Assumptions.SizeAnchor> sizes = assumptions.sizeAnchors().stream()
                .sorted(Comparator.comparingInt(Assumptions.SizeAnchor::year)).toList();
        List<Assumptions.ShareAnchor> shares = assumptions.shareAnchors().stream()
                .sorted(Comparator.comparingInt(Assumptions.ShareAnchor::year)).toList();
        warnAboutAnchorSums(shares, warnings);
        double factor = assumptions.scenarios().getOrDefault(scenario, BigDecimal.ONE).doubleValue();
        Assumptions.Interpolation method = assumptions.interpolation() == null
                ? Assumptions.Interpolation.LOGISTIC : assumptions.interpolation();
        List<Projection.Year> years = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            double sizeCny = size(sizes, year, warnings) * scenarioFactor(sizes, year, factor);
            Map<RevenueModel, BigDecimal> normalised = normalise(rawShares(shares, year, method, warnings));
            List<String> stages = stagesOf(assumptions.stages(), year);
            if (stages.size() > 1) {
                warnings.add(year + " falls in more than one of the report's stages: " + String.join(" and ", stages));
            }
            years.add(new Projection.Year(year, money(sizeCny),
                    money(sizeCny / assumptions.cnyPerUsd().doubleValue()), normalised, stages));
        }
        return new Projection(version, scenario, method.name(), impliedCagr(sizes), years, List.copyOf(warnings));
    }

    /** The compound yearly growth between two sizes, as a fraction. */
    static double cagr(double fromValue, double toValue, int years) {
        return Math.pow(toValue / fromValue, 1.0 / years) - 1;
    }

    /** Size in {@code year}: geometric between the anchors around it, extrapolated at the nearest pair's rate. */
    static double size(List<Assumptions.SizeAnchor> anchors, int year, Set<String> warnings) {
        for (Assumptions.SizeAnchor anchor : anchors) {
            if (anchor.year() == year) {
                return anchor.value().doubleValue();
            }
        }
        if (anchors.size() == 1) {
            warnings.add("only one size anchor: every year has the size of " + anchors.get(0).year());
            return anchors.get(0).value().doubleValue();
        }
        int segment = 0;
        while (segment < anchors.size() - 2 && year > anchors.get(segment + 1).year()) {
            segment++;
        }
        Assumptions.SizeAnchor start = anchors.get(segment);
        Assumptions.SizeAnchor end = anchors.get(segment + 1);
        if (year < anchors.get(0).year() || year > anchors.get(anchors.size() - 1).year()) {
            warnings.add(year + " lies outside the size anchors; its size is extrapolated at the nearest anchors' rate");
        }
        double rate = cagr(start.value().doubleValue(), end.value().doubleValue(), end.year() - start.year());
        return start.value().doubleValue() * Math.pow(1 + rate, year - start.year());
    }

    private static double scenarioFactor(List<Assumptions.SizeAnchor> anchors, int year, double factor) {
        int first = anchors.get(0).year();
        int last = anchors.get(anchors.size() - 1).year();
        if (factor == 1.0 || year <= first || last == first) {
            return 1.0;
        }
        return Math.pow(factor, Math.min(1.0, (year - first) / (double) (last - first)));
    }

    /** Each named model's share in percent, before normalisation. */
    static Map<RevenueModel, Double> rawShares(List<Assumptions.ShareAnchor> anchors, int year,
                                               Assumptions.Interpolation method, Set<String> warnings) {
        Assumptions.ShareAnchor first = anchors.get(0);
        Assumptions.ShareAnchor last = anchors.get(anchors.size() - 1);
        if (year <= first.year() || anchors.size() == 1) {
            return percents(first);
        }
        if (year >= last.year()) {
            if (year > last.year()) {
                warnings.add("shares after " + last.year() + " are held at " + last.year()
                        + "'s: the inputs give none later");
            }
            return percents(last);
        }
        int segment = 0;
        while (year > anchors.get(segment + 1).year()) {
            segment++;
        }
        Assumptions.ShareAnchor start = anchors.get(segment);
        Assumptions.ShareAnchor end = anchors.get(segment + 1);
        double position = (year - start.year()) / (double) (end.year() - start.year());
        Map<RevenueModel, Double> from = percents(start);
        Map<RevenueModel, Double> to = percents(end);
        Map<RevenueModel, Double> result = new EnumMap<>(RevenueModel.class);
        for (RevenueModel model : NAMED) {
            result.put(model, method == Assumptions.Interpolation.LINEAR
                    ? from.get(model) + (to.get(model) - from.get(model)) * position
                    : logistic(from.get(model), to.get(model), position));
        }
        return result;
    }

    /** Fisher-Pry: log(f / (1 - f)) is linear in time, so a share follows an S-curve between its anchors. */
    static double logistic(double fromPercent, double toPercent, double position) {
        double from = clamp(fromPercent / 100);
        double to = clamp(toPercent / 100);
        double logOdds = logit(from) + (logit(to) - logit(from)) * position;
        return 100 / (1 + Math.exp(-logOdds));
    }

    private static double logit(double fraction) {
        return Math.log(fraction / (1 - fraction));
    }

    private static double clamp(double fraction) {
        return Math.max(EDGE, Math.min(1 - EDGE, fraction));
    }

    /**
     * Scales an overshoot down proportionally, or gives an undershoot to OTHER, then rounds to two decimals and puts
     * any rounding remainder on the largest share, so that the year sums to exactly 100.
     */
    static Map<RevenueModel, BigDecimal> normalise(Map<RevenueModel, Double> raw) {
        double sum = NAMED.stream().mapToDouble(model -> raw.getOrDefault(model, 0.0)).sum();
        double scale = sum > 100 ? 100 / sum : 1;
        Map<RevenueModel, BigDecimal> shares = new EnumMap<>(RevenueModel.class);
        for (RevenueModel model : NAMED) {
            shares.put(model, BigDecimal.valueOf(raw.getOrDefault(model, 0.0) * scale).setScale(2, RoundingMode.HALF_EVEN));
        }
        BigDecimal named = shares.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal other = sum > 100 ? BigDecimal.ZERO.setScale(2) : HUNDRED.subtract(named).max(BigDecimal.ZERO);
        shares.put(RevenueModel.OTHER, other);
        BigDecimal remainder = HUNDRED.subtract(named.add(other));
        if (remainder.signum() != 0) {
            RevenueModel largest = shares.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            shares.put(largest, shares.get(largest).add(remainder));
        }
        return shares;
    }

    private static void warnAboutAnchorSums(List<Assumptions.ShareAnchor> anchors, Set<String> warnings) {
        for (Assumptions.ShareAnchor anchor : anchors) {
            Map<RevenueModel, Double> percents = percents(anchor);
            double sum = NAMED.stream().mapToDouble(percents::get).sum();
            String terms = NAMED.stream().filter(model -> percents.get(model) != 0)
                    .map(model -> model + " " + plain(percents.get(model))).collect(Collectors.joining(" + "));
            if (sum > 100.0001) {
                warnings.add(anchor.year() + " inputs sum to " + plain(sum) + "% (" + terms + "); renormalised "
                        + "proportionally to 100%, each share times " + plain(100 / sum));
            } else if (sum < 99.9999) {
                warnings.add(anchor.year() + " inputs sum to " + plain(sum) + "% (" + terms + "); OTHER takes the "
                        + "remaining " + plain(100 - sum) + "%");
            }
        }
    }

    private static Map<RevenueModel, Double> percents(Assumptions.ShareAnchor anchor) {
        Map<RevenueModel, Double> percents = new EnumMap<>(RevenueModel.class);
        for (RevenueModel model : NAMED) {
            percents.put(model, anchor.shares().getOrDefault(model.name(), BigDecimal.ZERO).doubleValue());
        }
        return percents;
    }

    private static List<String> stagesOf(List<Assumptions.Stage> stages, int year) {
        return stages == null ? List.of() : stages.stream()
                .filter(stage -> year >= stage.from() && year <= stage.to()).map(Assumptions.Stage::name).toList();
    }

    private static Map<String, BigDecimal> impliedCagr(List<Assumptions.SizeAnchor> anchors) {
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        for (int i = 0; i + 1 < anchors.size(); i++) {
            Assumptions.SizeAnchor start = anchors.get(i);
            Assumptions.SizeAnchor end = anchors.get(i + 1);
            rates.put(start.year() + "-" + end.year(), BigDecimal.valueOf(100 * cagr(start.value().doubleValue(),
                    end.value().doubleValue(), end.year() - start.year())).setScale(2, RoundingMode.HALF_EVEN));
        }
        return rates;
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_EVEN);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
