package io.aigcwatch.funding.round;

import io.aigcwatch.events.funding.RoundType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A round as a company's page lists it. */
@Serdeable
public record RoundSummary(UUID id, String status, RoundType round, LocalDate announcedOn, String currency,
                           @Nullable BigDecimal amount, @Nullable BigDecimal usd, String precision,
                           @Nullable BigDecimal postMoneyValuationUsd) {

    static RoundSummary of(FundingRound round) {
        return new RoundSummary(round.id(), round.status().name(), round.roundType(), round.announcedOn(),
                round.currency(), round.amountValue(), round.usdValue(), round.amountPrecision().name(),
                round.valuationUsd());
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
