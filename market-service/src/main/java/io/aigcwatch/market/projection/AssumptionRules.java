package io.aigcwatch.market.projection;

import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.limits.InputLimits;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a set of assumptions must satisfy before it replaces the stored one; every failure names its field. Every
 * text, list and figure is bounded first, so that no stored set can make a later projection overflow a double.
 */
final class AssumptionRules {
    static final int EARLIEST = 1990;
    static final int LATEST = 2100;
    private static final List<String> MODELS = Arrays.stream(RevenueModel.values())
            .filter(model -> model != RevenueModel.OTHER).map(Enum::name).toList();

    private AssumptionRules() {
    }

    static void check(@Nullable Assumptions assumptions, InputLimits limits) {
        if (assumptions == null) {
            throw ProblemException.invalid("body", "assumptions are required");
        }
        FieldChecks checks = new FieldChecks();
        checks.optionalText("source", assumptions.source(), limits.maxSourceLength());
        checks.optionalText("currency", assumptions.currency(), limits.maxWordLength());
        if (assumptions.sizeAnchors() == null || assumptions.sizeAnchors().isEmpty()) {
            checks.add("sizeAnchors", "at least one year with a market size is required");
        }
        sizeAnchors(checks.list("sizeAnchors", assumptions.sizeAnchors(), limits.maxListItems()), limits, checks);
        if (assumptions.shareAnchors() == null || assumptions.shareAnchors().isEmpty()) {
            checks.add("shareAnchors", "at least one year with revenue-model shares is required");
        }
        shareAnchors(checks.list("shareAnchors", assumptions.shareAnchors(), limits.maxListItems()), limits, checks);
        if (assumptions.cnyPerUsd() == null) {
            checks.add("cnyPerUsd", "must be a positive number of CNY per USD");
        }
        checks.decimal("cnyPerUsd", assumptions.cnyPerUsd(), limits.rate());
        checks.optionalText("cnyPerUsdReasoning", assumptions.cnyPerUsdReasoning(), limits.maxSourceLength());
        scenarios(checks.entries("scenarios", assumptions.scenarios(), limits.maxListItems()), limits, checks);
        checks.optionalText("scenarioReasoning", assumptions.scenarioReasoning(), limits.maxSourceLength());
        stages(checks.list("stages", assumptions.stages(), limits.maxListItems()), limits, checks);
        checks.throwIfAny();
    }

    /**
     * Besides its own bounds, a size may move at most {@code maxFactor}-fold a year from the anchor before it: a
     * steeper curve, extrapolated over the century of years a projection may span, would overflow to infinity.
     */
    private static void sizeAnchors(List<Assumptions.SizeAnchor> sizes, InputLimits limits, FieldChecks checks) {
        Integer previous = null;
        Assumptions.SizeAnchor lastValid = null;
        double steepest = limits.maxFactor().doubleValue();
        for (int i = 0; i < sizes.size(); i++) {
            String field = "sizeAnchors[" + i + "]";
            Assumptions.SizeAnchor anchor = sizes.get(i);
            if (anchor == null) {
                checks.add(field, "must be an object with a year and a value");
                continue;
            }
            year(field + ".year", anchor.year(), previous, checks);
            previous = anchor.year();
            if (anchor.value() == null) {
                checks.add(field + ".value", "must be a positive market size");
            }
            BigDecimal value = checks.decimal(field + ".value", anchor.value(), limits.amount());
            if (value != null && lastValid != null && anchor.year() > lastValid.year()) {
                double yearly = Math.pow(value.doubleValue() / lastValid.value().doubleValue(),
                        1.0 / (anchor.year() - lastValid.year()));
                if (yearly > steepest || yearly < 1 / steepest) {
                    checks.add(field + ".value", "moves more than " + limits.maxFactor().toPlainString()
                            + "-fold a year from the size of " + lastValid.year());
                }
            }
            if (value != null) {
                lastValid = anchor;
            }
            checks.optionalText(field + ".reasoning", anchor.reasoning(), limits.maxSourceLength());
        }
    }

    private static void shareAnchors(List<Assumptions.ShareAnchor> shares, InputLimits limits, FieldChecks checks) {
        Integer previous = null;
        for (int i = 0; i < shares.size(); i++) {
            String field = "shareAnchors[" + i + "]";
            Assumptions.ShareAnchor anchor = shares.get(i);
            if (anchor == null) {
                checks.add(field, "must be an object with a year and shares");
                continue;
            }
            year(field + ".year", anchor.year(), previous, checks);
            previous = anchor.year();
            Map<String, BigDecimal> byModel = checks.entries(field + ".shares", anchor.shares(), MODELS.size());
            for (Map.Entry<String, BigDecimal> share : byModel.entrySet()) {
                if (!MODELS.contains(share.getKey())) {
                    checks.add(field + ".shares", FieldChecks.quoted(share.getKey()) + " is not a revenue model; the "
                            + "models are " + MODELS + " (OTHER is what they leave)");
                } else if (share.getValue() == null) {
                    checks.add(field + ".shares." + share.getKey(), "must be a percentage from 0 to 100");
                } else {
                    checks.decimal(field + ".shares." + share.getKey(), share.getValue(), limits.percent());
                }
            }
            checks.optionalText(field + ".reasoning", anchor.reasoning(), limits.maxSourceLength());
        }
    }

    private static void scenarios(Map<String, BigDecimal> scenarios, InputLimits limits, FieldChecks checks) {
        if (!scenarios.containsKey("BASE")) {
            checks.add("scenarios", "must include BASE");
        }
        scenarios.forEach((name, factor) -> {
            if (name.length() > limits.maxWordLength()) {
                checks.add("scenarios", "a scenario's name must be at most " + limits.maxWordLength() + " characters");
            } else if (factor == null) {
                checks.add("scenarios." + name, "must be a positive factor");
            } else {
                checks.decimal("scenarios." + name, factor, limits.factor());
            }
        });
    }

    private static void stages(List<Assumptions.Stage> stages, InputLimits limits, FieldChecks checks) {
        for (int i = 0; i < stages.size(); i++) {
            String field = "stages[" + i + "]";
            Assumptions.Stage stage = stages.get(i);
            if (stage == null) {
                checks.add(field, "must be an object with a name, from and to");
                continue;
            }
            checks.requiredText(field + ".name", stage.name(), limits.maxWordLength());
            checks.optionalText(field + ".label", stage.label(), limits.maxTextLength());
            year(field + ".from", stage.from(), null, checks);
            year(field + ".to", stage.to(), null, checks);
            if (stage.from() > stage.to()) {
                checks.add(field, "ends before it begins");
            }
        }
    }

    private static void year(String field, int year, @Nullable Integer previous, FieldChecks checks) {
        if (year < EARLIEST || year > LATEST) {
            checks.add(field, "must be a year from " + EARLIEST + " to " + LATEST);
        } else if (previous != null && year <= previous) {
            checks.add(field, "years are out of order: " + year + " comes after " + previous);
        }
    }
}
