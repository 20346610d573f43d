package io.aigcwatch.valuation.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One valuation of a company at a date.
 *
 * @param causeType ROUND or MARK
 * @param causeId   the round's or the mark's id; a round has at most one point, replaced when it is corrected
 */
@MappedEntity("valuation_point")
public record ValuationPoint(@Id UUID id, UUID companyId, String causeType, UUID causeId, UUID causeEventId,
                             LocalDate asOf, BigDecimal amount, String currency, BigDecimal usd, String basis,
                             @Nullable String source, boolean active, Instant recordedAt,
                             @Nullable String listedAs) {

    public static final String ROUND = "ROUND";
    public static final String MARK = "MARK";

    ValuationPoint withActive(boolean isActive) {
        return new ValuationPoint(id, companyId, causeType, causeId, causeEventId, asOf, amount, currency, usd,
                basis, source, isActive, recordedAt, listedAs);
    }
}
