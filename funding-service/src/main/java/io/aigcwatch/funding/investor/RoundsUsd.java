package io.aigcwatch.funding.investor;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/** A USD figure as given, without the column's padding, as RoundView shows figures. */
final class RoundsUsd {
    private RoundsUsd() {
    }

    static BigDecimal plain(@Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
