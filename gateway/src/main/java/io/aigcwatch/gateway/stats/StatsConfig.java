package io.aigcwatch.gateway.stats;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param timeout how long {@code /api/stats} waits for each service; a part that has not come by then is left out and
 *                named in {@code degraded}, so the whole answer never takes much longer than this
 */
@ConfigurationProperties("aigcwatch.gateway.stats")
record StatsConfig(@Bindable(defaultValue = "1500ms") Duration timeout) {
}
