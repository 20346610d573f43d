package io.aigcwatch.market.shares;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What one round adds to the aggregates now, kept so that a correction or retraction takes exactly that out, and
 * the round's version it comes from, so that an older version is not applied over it. A retracted round adds
 * nothing.
 */
@MappedEntity("round_contribution")
record RoundContribution(@Id UUID roundId, long version, String buckets, BigDecimal usd) {

    Contribution contribution() {
        return new Contribution(Contribution.decode(buckets), usd);
    }
}
