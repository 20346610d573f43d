package io.aigcwatch.events.funding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An amount in its native currency, never lost, beside its USD value at the rate of the announcement month.
 * {@code low}/{@code high} bound an approximate amount; an undisclosed one has no figures at all.
 *
 * @param unitsPerUsd the rate used: units of {@code currency} per one USD
 * @param rateDate    the first day of the month whose average rate was used
 */
@Serdeable
public record MoneyData(
        @Nullable BigDecimal value,
        @Nullable BigDecimal low,
        @Nullable BigDecimal high,
        String currency,
        AmountPrecision precision,
        @Nullable BigDecimal usd,
        @Nullable BigDecimal usdLow,
        @Nullable BigDecimal usdHigh,
        @Nullable BigDecimal unitsPerUsd,
        @Nullable LocalDate rateDate) {
}
