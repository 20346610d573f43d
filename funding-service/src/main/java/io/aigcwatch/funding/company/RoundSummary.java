package io.aigcwatch.funding.company;

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

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
