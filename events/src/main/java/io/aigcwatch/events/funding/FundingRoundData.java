package io.aigcwatch.events.funding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The whole state of one round at one version, as {@code funding.recorded} and {@code funding.corrected} carry it. */
@Serdeable
public record FundingRoundData(
        UUID roundId,
        long version,
        CompanyData company,
        RoundType round,
        MoneyData amount,
        @Nullable MoneyData postMoneyValuation,
        LocalDate announcedOn,
        List<InvestorData> investors,
        @Nullable String source) {
}
