package io.aigcwatch.valuation.ledger;

import io.aigcwatch.events.valuation.UnicornStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A company's current valuation and unicorn status, and when it joined or left the unicorns. */
@MappedEntity("company_valuation")
public record CompanyValuation(@Id UUID companyId, @Nullable UUID pointId, @Nullable BigDecimal usd,
                               @Nullable LocalDate asOf, @Nullable String basis, UnicornStatus status,
                               @Nullable LocalDate joinedOn, @Nullable LocalDate leftOn, @Nullable String leftReason,
                               Instant updatedAt) {

    static CompanyValuation none(UUID companyId, Instant now) {
        return new CompanyValuation(companyId, null, null, null, null, UnicornStatus.NONE, null, null, null, now);
    }
}
