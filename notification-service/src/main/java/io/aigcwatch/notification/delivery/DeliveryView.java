package io.aigcwatch.notification.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a webhook's delivery log.
 *
 * @param id            sent as {@code webhook-id}, the same on every attempt
 * @param eventId       the id of the CloudEvent delivered
 * @param attempts      attempts made so far
 * @param lastStatus    the HTTP status of the last answer; null when there was none (timeout, refused connection)
 * @param lastError     why the last attempt failed; null after a success
 * @param nextAttemptAt when a PENDING delivery is tried next (while an attempt is in flight, when it is given up on)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeliveryView(UUID id, UUID eventId, DeliveryStatus status, int attempts, @Nullable Integer lastStatus,
                    @Nullable String lastError, @Nullable Instant nextAttemptAt, Instant createdAt, Instant updatedAt,
                    @Nullable Instant deliveredAt) {

    static DeliveryView of(Delivery delivery) {
        return new DeliveryView(delivery.id(), delivery.eventId(), delivery.status(), delivery.attempts(),
                delivery.lastStatus(), delivery.lastError(), delivery.nextAttemptAt(), delivery.createdAt(),
                delivery.updatedAt(), delivery.deliveredAt());
    }

    /** Newest first. @param next the cursor of the following (older) page; null on the last page */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<DeliveryView> items, @Nullable String next) {
    }
}
