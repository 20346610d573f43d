package io.aigcwatch.market.shares;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.util.UUID;

/** What one round adds to the aggregates now, kept so that a correction or retraction takes exactly that out. */
@MappedEntity("round_contribution")
record RoundContribution(@Id UUID roundId, String buckets, BigDecimal usd) {

    Contribution contribution() {
        return new Contribution(Contribution.decode(buckets), usd);
    }
}
