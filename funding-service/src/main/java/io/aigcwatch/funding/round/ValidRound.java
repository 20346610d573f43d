package io.aigcwatch.funding.round;

import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.funding.company.CompanyRef;
import io.aigcwatch.funding.fx.Conversion;
import io.micronaut.core.annotation.Nullable;

import io.aigcwatch.events.funding.DatePrecision;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A request that passed every check, in the domain's own types, its money already in USD. */
record ValidRound(
        CompanyRef company,
        RoundType round,
        Money amount,
        @Nullable Money postMoneyValuation,
        LocalDate announcedOn,
        DatePrecision announcedPrecision,
        List<InvestorData> investors,
        @Nullable String source,
        boolean distinctRound) {

    /**
     * A figure as it was given, with its USD values at the rate of the announcement month.
     *
     * @param rate the rate used; null for an undisclosed amount, which has nothing to convert
     */
    record Money(@Nullable BigDecimal value, @Nullable BigDecimal low, @Nullable BigDecimal high, String currency,
                 AmountPrecision precision, @Nullable Conversion rate, @Nullable BigDecimal usd,
                 @Nullable BigDecimal usdLow, @Nullable BigDecimal usdHigh) {

        static Money asGiven(@Nullable BigDecimal value, @Nullable BigDecimal low, @Nullable BigDecimal high,
                             String currency, AmountPrecision precision) {
            return new Money(value, low, high, currency, precision, null, null, null, null);
        }

        Money atRate(@Nullable Conversion conversion, @Nullable BigDecimal inUsd, @Nullable BigDecimal lowInUsd,
                     @Nullable BigDecimal highInUsd) {
            return new Money(value, low, high, currency, precision, conversion, inUsd, lowInUsd, highInUsd);
        }
    }
}
