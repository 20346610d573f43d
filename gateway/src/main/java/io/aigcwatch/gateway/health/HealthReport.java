package io.aigcwatch.gateway.health;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The part of a service's {@code /health} answer that the gateway reads; the details stay with the service. */
@Serdeable
record HealthReport(@Nullable String status) {
}
