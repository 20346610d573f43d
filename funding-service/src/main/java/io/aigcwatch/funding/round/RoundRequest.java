package io.aigcwatch.funding.round;

import io.aigcwatch.funding.company.CompanyInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST} and {@code PUT /funding-events}. Enumerations arrive as strings so that a bad one is
 * reported against its field, with the values it may take, instead of as an unreadable parse error.
 *
 * @param announcedPrecision how much of {@code announcedOn} is known: DAY (the default), MONTH, QUARTER, YEAR, BEFORE
 * @param distinctRound the client's word that this is a different round from a near-identical one already recorded
 */
@Serdeable
record RoundRequest(
        @Nullable CompanyInput company,
        @Nullable String round,
        @Nullable MoneyInput amount,
        @Nullable MoneyInput postMoneyValuation,
        @Nullable LocalDate announcedOn,
        @Nullable String announcedPrecision,
        @Nullable List<InvestorInput> investors,
        @Nullable String source,
        @Nullable Boolean distinctRound) {

    @Serdeable
    record MoneyInput(@Nullable BigDecimal value, @Nullable BigDecimal low, @Nullable BigDecimal high,
                      @Nullable String currency, @Nullable String precision) {
    }

    @Serdeable
    record InvestorInput(@Nullable String name, @Nullable Boolean lead) {
    }
}
