package io.aigcwatch.events.funding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The whole state of one round at one version, as {@code funding.recorded} and {@code funding.corrected} carry it.
 *
 * @param announcedPrecision how much of {@code announcedOn} is known; absent from events written before issue 14,
 *                           which read as {@link DatePrecision#DAY}
 */
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
        @Nullable String source,
        @Nullable DatePrecision announcedPrecision) {

    /** A round whose date is known to the day, as every round was before precision was recorded. */
    public FundingRoundData(UUID roundId, long version, CompanyData company, RoundType round, MoneyData amount,
                            @Nullable MoneyData postMoneyValuation, LocalDate announcedOn, List<InvestorData> investors,
                            @Nullable String source) {
        this(roundId, version, company, round, amount, postMoneyValuation, announcedOn, investors, source,
                DatePrecision.DAY);
    }

    /** {@link DatePrecision#DAY} for an event written before precision was recorded. */
    @Override
    public DatePrecision announcedPrecision() {
        return announcedPrecision == null ? DatePrecision.DAY : announcedPrecision;
    }
}
