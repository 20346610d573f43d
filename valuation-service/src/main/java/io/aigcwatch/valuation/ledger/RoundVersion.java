package io.aigcwatch.valuation.ledger;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.UUID;

/** The newest version of a round that the ledger applied; see {@link RoundVersionRepository#advance}. */
@MappedEntity("round_version")
record RoundVersion(@Id UUID roundId, long version) {
}
