package io.aigcwatch.gateway.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * funding-service's {@code GET /funding-stats}, passed on as it is: rounds and USD raised, overall and by quarter,
 * layer and country, with how the USD figure is counted and how many rounds no quarter could place.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record FundingTotals(long rounds, long approximateRounds, long undisclosedRounds, BigDecimal usdRaised,
                     String usdRaisedBasis, List<Bucket> byQuarter, long unplacedRounds, List<Bucket> byLayer,
                     List<Bucket> byCountry, @Nullable List<TopInvestor> topInvestors) {

    /** funding-service's top investors by active rounds (issue 14); absent when a filter applies. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TopInvestor(UUID id, String name, long rounds, long leads, BigDecimal roundsUsd, long unicornsHeld) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Bucket(String key, long rounds, long approximateRounds, long undisclosedRounds, BigDecimal usdRaised) {
    }
}
