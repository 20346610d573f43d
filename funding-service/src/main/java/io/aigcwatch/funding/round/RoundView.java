package io.aigcwatch.funding.round;

import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.MoneyData;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.funding.company.Company;
import io.aigcwatch.funding.investor.InvestorLinks;
import io.aigcwatch.funding.company.Disagreement;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import io.aigcwatch.events.funding.DatePrecision;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A round as the API shows it: the native amount beside its USD value, the rate and the rate's month; and where
 * its company fields disagreed with the company's profile when it was recorded or last corrected.
 */
@Serdeable
record RoundView(
        UUID id,
        long version,
        RoundStatus status,
        CompanyData company,
        RoundType round,
        MoneyData amount,
        @Nullable MoneyData postMoneyValuation,
        LocalDate announcedOn,
        DatePrecision announcedPrecision,
        List<RoundInvestor> investors,
        @Nullable String source,
        @Nullable String retractionReason,
        Instant recordedAt,
        Instant updatedAt,
        List<Disagreement> disagreements) {

    static RoundView of(FundingRound round, Company company) {
        MoneyData amount = new MoneyData(plain(round.amountValue()), plain(round.amountLow()), plain(round.amountHigh()),
                round.currency(), round.amountPrecision(), plain(round.usdValue()), plain(round.usdLow()),
                plain(round.usdHigh()), plain(round.unitsPerUsd()), round.rateDate());
        MoneyData valuation = round.valuationValue() == null ? null
                : new MoneyData(plain(round.valuationValue()), null, null, round.valuationCurrency(),
                AmountPrecision.EXACT, plain(round.valuationUsd()), null, null, plain(round.valuationUnitsPerUsd()),
                round.valuationRateDate());
        return new RoundView(round.id(), round.version(), round.status(), company.toData(), round.roundType(), amount,
                valuation, round.announcedOn(), round.announcedPrecision(),
                round.investors().stream().map(RoundInvestor::of).toList(), round.source(), round.retractionReason(),
                round.recordedAt(), round.updatedAt(), round.disagreements());
    }

    /**
     * The database pads every figure to its column's scale; a figure is shown as it was given, so that what a
     * write returns and what a later read returns are the same document.
     */
    static BigDecimal plain(@Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * An investor of the round as it was recorded, with the id of its investor record (V11): the event keeps
     * {@link InvestorData}'s shape, the API adds the id.
     */
    @Serdeable
    record RoundInvestor(UUID id, String name, boolean lead) {
        static RoundInvestor of(InvestorData investor) {
            return new RoundInvestor(InvestorLinks.idOf(investor.name()), investor.name(), investor.lead());
        }
    }

    String etag() {
        return EntityTags.of(version);
    }

    String location() {
        return RoundPaths.of(id);
    }

    FundingRoundData toEventData() {
        return new FundingRoundData(id, version, company, round, amount, postMoneyValuation, announcedOn,
                investors.stream().map(investor -> new InvestorData(investor.name(), investor.lead())).toList(), source,
                announcedPrecision);
    }
}
