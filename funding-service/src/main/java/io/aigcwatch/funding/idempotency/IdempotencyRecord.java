package io.aigcwatch.funding.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A stored first response. The table's primary key is ({@code caller_key}, {@code key}); every query of
 * {@link IdempotencyRepository} is native and names both, so {@code @Id} here only satisfies the mapping.
 */
@MappedEntity("idempotency_key")
record IdempotencyRecord(
        String callerKey,
        @Id String key,
        String requestHash,
        int responseStatus,
        @Nullable String responseLocation,
        @Nullable String responseEtag,
        @Nullable String responseBody,
        Instant claimedAt) {

    StoredResponse response() {
        return new StoredResponse(responseStatus, responseLocation, responseEtag, responseBody);
    }
}
