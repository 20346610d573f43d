package io.aigcwatch.valuation.ledger;

import io.aigcwatch.events.Layer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A company as funding events last described it; funding-service owns the registry, this is a copy. */
@MappedEntity("company")
public record TrackedCompany(@Id UUID id, String name, @Nullable String localName, @Nullable String country,
                             @Nullable Layer layer, Instant updatedAt) {
}
