package io.aigcwatch.gateway.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * funding-service's {@code GET /funding-stats}, passed on as it is: rounds and USD raised, overall and by quarter,
 * layer and country, with how the USD figure is counted and how many rounds no quarter could place.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record FundingTotals(long rounds, long approximateRounds, long undisclosedRounds, BigDecimal usdRaised,
                     String usdRaisedBasis, List<Bucket> byQuarter, long unplacedRounds, List<Bucket> byLayer,
                     List<Bucket> byCountry) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Bucket(String key, long rounds, long approximateRounds, long undisclosedRounds, BigDecimal usdRaised) {
    }
}
