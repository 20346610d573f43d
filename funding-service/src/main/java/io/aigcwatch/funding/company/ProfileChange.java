package io.aigcwatch.funding.company;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One field of one edit of a company profile, as the audit trail keeps it.
 *
 * @param version   the profile's version this edit made
 * @param before    the field's JSON value before the edit; null for an absent one
 * @param changedBy the caller's key id
 */
@Serdeable
record ProfileChange(long version, String field, @Nullable JsonNode before, @Nullable JsonNode after,
                     String changedBy, Instant changedAt) {
}
