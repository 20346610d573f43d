package io.aigcwatch.notification.delivery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** One event on its way to one webhook, as the {@code webhook_delivery} table holds it. */
@MappedEntity("webhook_delivery")
record Delivery(@Id Long seq, UUID id, UUID webhookId, UUID eventId, DeliveryStatus status, int attempts,
                @Nullable Instant nextAttemptAt, @Nullable Integer lastStatus, @Nullable String lastError,
                Instant createdAt, Instant updatedAt, @Nullable Instant deliveredAt) {
}
