package io.aigcwatch.funding.fx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * A rate picked for one date.
 *
 * @param rateDate the first day of the month whose average rate this is
 */
public record Conversion(BigDecimal unitsPerUsd, LocalDate rateDate) {

    public BigDecimal toUsd(BigDecimal amount) {
        return amount.divide(unitsPerUsd, 2, RoundingMode.HALF_EVEN);
    }
}
