package io.aigcwatch.market.projection;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Projected years with the warnings that qualify them.
 *
 * @param assumptionsVersion the stored version of the inputs this was computed from
 * @param impliedCagrPct     the yearly growth in percent implied by each pair of size anchors, by "from-to"
 */
@Serdeable
public record Projection(long assumptionsVersion, String scenario, String interpolation,
                         Map<String, BigDecimal> impliedCagrPct, List<Year> years, List<String> warnings) {

    /** @param shares percent by revenue model, two decimals, summing to exactly 100 */
    @Serdeable
    public record Year(int year, BigDecimal sizeCny, BigDecimal sizeUsd, Map<RevenueModel, BigDecimal> shares,
                       List<String> stages) {
    }
}
