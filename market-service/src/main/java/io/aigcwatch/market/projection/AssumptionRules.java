package io.aigcwatch.market.projection;

import io.aigcwatch.kit.problem.Problem.FieldError;
import io.aigcwatch.kit.problem.ProblemException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** What a set of assumptions must satisfy before it replaces the stored one; every failure names its field. */
final class AssumptionRules {
    static final int EARLIEST = 1990;
    static final int LATEST = 2100;
    private static final List<String> MODELS = Arrays.stream(RevenueModel.values())
            .filter(model -> model != RevenueModel.OTHER).map(Enum::name).toList();

    private AssumptionRules() {
    }

    static void check(Assumptions assumptions) {
        List<FieldError> errors = new ArrayList<>();
        if (assumptions == null) {
            throw ProblemException.invalid("body", "assumptions are required");
        }
        List<Assumptions.SizeAnchor> sizes = assumptions.sizeAnchors() == null ? List.of() : assumptions.sizeAnchors();
        if (sizes.isEmpty()) {
            errors.add(new FieldError("sizeAnchors", "at least one year with a market size is required"));
        }
        for (int i = 0; i < sizes.size(); i++) {
            Assumptions.SizeAnchor anchor = sizes.get(i);
            year("sizeAnchors[" + i + "].year", anchor.year(), i == 0 ? null : sizes.get(i - 1).year(), errors);
            if (anchor.value() == null || anchor.value().signum() <= 0) {
                errors.add(new FieldError("sizeAnchors[" + i + "].value", "must be a positive market size"));
            }
        }
        List<Assumptions.ShareAnchor> shares = assumptions.shareAnchors() == null ? List.of() : assumptions.shareAnchors();
        if (shares.isEmpty()) {
            errors.add(new FieldError("shareAnchors", "at least one year with revenue-model shares is required"));
        }
        for (int i = 0; i < shares.size(); i++) {
            Assumptions.ShareAnchor anchor = shares.get(i);
            year("shareAnchors[" + i + "].year", anchor.year(), i == 0 ? null : shares.get(i - 1).year(), errors);
            Map<String, BigDecimal> byModel = anchor.shares() == null ? Map.of() : anchor.shares();
            for (Map.Entry<String, BigDecimal> share : byModel.entrySet()) {
                String field = "shareAnchors[" + i + "].shares." + share.getKey();
                if (!MODELS.contains(share.getKey())) {
                    errors.add(new FieldError(field, "is not a revenue model; the models are " + MODELS
                            + " (OTHER is what they leave)"));
                } else if (share.getValue() == null || share.getValue().signum() < 0
                        || share.getValue().compareTo(BigDecimal.valueOf(100)) > 0) {
                    errors.add(new FieldError(field, "must be a percentage from 0 to 100"));
                }
            }
        }
        if (assumptions.cnyPerUsd() == null || assumptions.cnyPerUsd().signum() <= 0) {
            errors.add(new FieldError("cnyPerUsd", "must be a positive number of CNY per USD"));
        }
        if (assumptions.scenarios() == null || !assumptions.scenarios().containsKey("BASE")) {
            errors.add(new FieldError("scenarios", "must include BASE"));
        } else {
            assumptions.scenarios().forEach((name, factor) -> {
                if (factor == null || factor.signum() <= 0) {
                    errors.add(new FieldError("scenarios." + name, "must be a positive factor"));
                }
            });
        }
        if (assumptions.stages() != null) {
            for (int i = 0; i < assumptions.stages().size(); i++) {
                Assumptions.Stage stage = assumptions.stages().get(i);
                if (stage.from() > stage.to()) {
                    errors.add(new FieldError("stages[" + i + "]", "ends before it begins"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void year(String field, int year, Integer previous, List<FieldError> errors) {
        if (year < EARLIEST || year > LATEST) {
            errors.add(new FieldError(field, "must be a year from " + EARLIEST + " to " + LATEST));
        } else if (previous != null && year <= previous) {
            errors.add(new FieldError(field, "years are out of order: " + year + " comes after " + previous));
        }
    }
}
