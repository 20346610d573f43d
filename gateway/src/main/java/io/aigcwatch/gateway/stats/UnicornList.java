package io.aigcwatch.gateway.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** valuation-service's {@code GET /unicorns}: every company at or above USD 1B now, largest first. */
@Serdeable
record UnicornList(int count, List<Unicorn> items) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Unicorn(UUID companyId, String name, @Nullable String localName, @Nullable String country,
                   @Nullable String layer, BigDecimal usd, LocalDate asOf, String basis, String status,
                   @Nullable LocalDate joinedOn) {
    }
}
