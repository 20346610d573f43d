package io.aigcwatch.valuation.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

    /**
     * The point as its row holds it: the amount to 4 decimals and USD to 2, rounded as PostgreSQL rounds a numeric.
     * A change applied in memory must see exactly what the next one would read back from the row.
     */
    ValuationPoint asStored() {
        return new ValuationPoint(id, companyId, causeType, causeId, causeEventId, asOf,
                amount.setScale(4, RoundingMode.HALF_UP), currency, usd.setScale(2, RoundingMode.HALF_UP), basis,
                source, active, recordedAt, listedAs);
    }

    ValuationPoint withActive(boolean isActive) {
        return new ValuationPoint(id, companyId, causeType, causeId, causeEventId, asOf, amount, currency, usd,
                basis, source, isActive, recordedAt, listedAs);
    }
}
