package io.aigcwatch.funding.round;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.RoundType;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A request that passed every check, in the domain's own types. */
record ValidRound(
        CompanyRef company,
        RoundType round,
        Money amount,
        @Nullable Money postMoneyValuation,
        LocalDate announcedOn,
        List<InvestorData> investors,
        @Nullable String source,
        boolean distinctRound) {

    /** {@code id} is set when the client named a registered company; the other fields then may be null. */
    record CompanyRef(@Nullable UUID id, @Nullable String name, @Nullable String localName, @Nullable String country,
                      @Nullable Layer layer, List<String> segments) {
    }

    record Money(@Nullable BigDecimal value, @Nullable BigDecimal low, @Nullable BigDecimal high, String currency,
                 AmountPrecision precision) {
    }
}
