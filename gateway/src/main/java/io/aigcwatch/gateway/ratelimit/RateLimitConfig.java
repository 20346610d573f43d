package io.aigcwatch.gateway.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * One token bucket per caller.
 *
 * @param requestsPerSecond how fast the bucket refills: the rate a caller may keep up
 * @param burst             how many tokens the bucket holds: how many requests a caller may send at once after a pause
 */
@ConfigurationProperties("aigcwatch.gateway.rate-limit")
record RateLimitConfig(@Bindable(defaultValue = "50") long requestsPerSecond,
                       @Bindable(defaultValue = "200") long burst) {
    RateLimitConfig {
        if (requestsPerSecond < 1) {
            throw new ConfigurationException("aigcwatch.gateway.rate-limit.requests-per-second "
                    + "(AIGCWATCH_RATE_LIMIT_RPS) must be at least 1, was " + requestsPerSecond);
        }
        if (burst < 1) {
            throw new ConfigurationException("aigcwatch.gateway.rate-limit.burst (AIGCWATCH_RATE_LIMIT_BURST) "
                    + "must be at least 1, was " + burst);
        }
    }
}
