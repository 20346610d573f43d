package io.aigcwatch.gateway.health;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param timeout how long {@code /api/health} waits for each service; one that has not answered by then counts as
 *                down, so the whole answer never takes much longer than this
 */
@ConfigurationProperties("aigcwatch.gateway.health")
record HealthCheckConfig(@Bindable(defaultValue = "2s") Duration timeout) {
}
