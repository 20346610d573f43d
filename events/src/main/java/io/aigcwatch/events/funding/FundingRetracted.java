package io.aigcwatch.events.funding;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** A round withdrawn from the record; consumers undo whatever the round contributed. */
@Serdeable
public record FundingRetracted(UUID roundId, UUID companyId, long version, @Nullable String reason) {
}
