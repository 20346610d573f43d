package io.aigcwatch.gateway.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * One token bucket per caller, and one per client address for the requests the gateway refuses.
 *
 * @param requestsPerSecond  how fast the bucket refills: the rate a caller may keep up
 * @param burst              how many tokens the bucket holds: how many requests a caller may send at once after a pause
 * @param refusalsPerMinute  how fast an address earns back refusals (401 and 403 answers): the rate at which it may
 *                           keep guessing keys or knocking on what its key may not do
 * @param refusalBurst       refusals an address may collect at once; once they are spent, every request from it is
 *                           answered 429 until one is earned back, valid key or not
 */
@ConfigurationProperties("aigcwatch.gateway.rate-limit")
record RateLimitConfig(@Bindable(defaultValue = "50") long requestsPerSecond,
                       @Bindable(defaultValue = "200") long burst,
                       @Bindable(defaultValue = "30") long refusalsPerMinute,
                       @Bindable(defaultValue = "30") long refusalBurst) {
    RateLimitConfig {
        if (requestsPerSecond < 1) {
            throw new ConfigurationException("aigcwatch.gateway.rate-limit.requests-per-second "
                    + "(AIGCWATCH_RATE_LIMIT_RPS) must be at least 1, was " + requestsPerSecond);
        }
        if (burst < 1) {
            throw new ConfigurationException("aigcwatch.gateway.rate-limit.burst (AIGCWATCH_RATE_LIMIT_BURST) "
                    + "must be at least 1, was " + burst);
        }
        if (refusalsPerMinute < 1 || refusalBurst < 1) {
            throw new ConfigurationException("aigcwatch.gateway.rate-limit.refusals-per-minute "
                    + "(AIGCWATCH_REFUSALS_PER_MINUTE) and refusal-burst (AIGCWATCH_REFUSAL_BURST) must be at least 1, "
                    + "were " + refusalsPerMinute + " and " + refusalBurst);
        }
    }
}
