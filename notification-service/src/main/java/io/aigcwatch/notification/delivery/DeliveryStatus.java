package io.aigcwatch.notification.delivery;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
enum DeliveryStatus {
    /** Waiting for its next attempt, or being sent right now. */
    PENDING,
    DELIVERED,
    /** Its last retry failed too; it is not sent again. */
    FAILED
}
