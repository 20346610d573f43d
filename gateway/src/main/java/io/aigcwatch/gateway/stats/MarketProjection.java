package io.aigcwatch.gateway.stats;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The parts of market-service's {@code GET /market/projections} that the stats show. */
@Serdeable
record MarketProjection(long assumptionsVersion, String scenario, List<Year> years, List<String> warnings) {

    @Serdeable
    record Year(int year, BigDecimal sizeCny, BigDecimal sizeUsd, Map<String, BigDecimal> shares) {
    }
}
