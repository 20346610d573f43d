package io.aigcwatch.funding.round;

import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.funding.company.RoundSummary;
import io.aigcwatch.funding.investor.InvestorLinks;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import io.aigcwatch.events.funding.DatePrecision;
import java.math.BigDecimal;
import io.aigcwatch.funding.company.Disagreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One funding round at its current version. Retracted rounds stay, marked, so that history can be audited. */
@MappedEntity("funding_round")
record FundingRound(
        @Id UUID id,
        UUID companyId,
        long version,
        RoundStatus status,
        RoundType roundType,
        @Nullable BigDecimal amountValue,
        @Nullable BigDecimal amountLow,
        @Nullable BigDecimal amountHigh,
        String currency,
        AmountPrecision amountPrecision,
        @Nullable BigDecimal usdValue,
        @Nullable BigDecimal usdLow,
        @Nullable BigDecimal usdHigh,
        @Nullable BigDecimal unitsPerUsd,
        @Nullable LocalDate rateDate,
        @Nullable BigDecimal valuationValue,
        @Nullable String valuationCurrency,
        @Nullable BigDecimal valuationUsd,
        @Nullable BigDecimal valuationUnitsPerUsd,
        @Nullable LocalDate valuationRateDate,
        LocalDate announcedOn,
        DatePrecision announcedPrecision,
        @TypeDef(type = DataType.JSON) List<InvestorData> investors,
        @Nullable String source,
        @Nullable String retractionReason,
        Instant recordedAt,
        Instant updatedAt,
        @TypeDef(type = DataType.JSON) List<Disagreement> disagreements) {

    String etag() {
        return EntityTags.of(version);
    }

    /**
     * The round's investors with what it adds to their USD counter, as every kept total counts a round: nothing when
     * undisclosed, else its USD value or, for a range alone, the midpoint rounded to cents.
     */
    InvestorLinks.RoundInvestors investorLinks() {
        BigDecimal counted = amountPrecision == AmountPrecision.UNDISCLOSED ? BigDecimal.ZERO
                : usdValue != null ? usdValue
                : usdLow != null && usdHigh != null
                ? usdLow.add(usdHigh).divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.HALF_UP)
                : BigDecimal.ZERO;
        return new InvestorLinks.RoundInvestors(id, investors, counted, companyId);
    }

    /** The line of this round on its company's page. */
    RoundSummary summary() {
        return new RoundSummary(id, status.name(), roundType, announcedOn, currency, amountValue, usdValue,
                amountPrecision.name(), valuationUsd);
    }
}
