package io.aigcwatch.funding.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("idempotency_key")
record IdempotencyRecord(
        @Id String key,
        String requestHash,
        String state,
        @Nullable Integer responseStatus,
        @Nullable String responseLocation,
        @Nullable String responseEtag,
        @Nullable String responseBody,
        Instant claimedAt,
        @Nullable Instant completedAt) {

    static final String IN_FLIGHT = "IN_FLIGHT";
    static final String COMPLETED = "COMPLETED";
}
