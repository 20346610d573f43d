package io.aigcwatch.funding.round;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.RoundType;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.UUID;

/** What {@code GET /funding-events} narrows by; every part is optional. */
record RoundFilter(
        @Nullable UUID companyId,
        @Nullable String country,
        @Nullable Layer layer,
        @Nullable RoundType round,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        boolean includeRetracted,
        @Nullable UUID investorId,
        @Nullable UUID leadInvestorId) {

    RoundFilter(@Nullable UUID companyId, @Nullable String country, @Nullable Layer layer, @Nullable RoundType round,
                @Nullable LocalDate from, @Nullable LocalDate to, boolean includeRetracted) {
        this(companyId, country, layer, round, from, to, includeRetracted, null, null);
    }
}
