package io.aigcwatch.gateway.ratelimit;

import jakarta.inject.Singleton;

import java.time.Duration;

/** One token bucket per caller, as {@link RateLimitConfig} sizes it. */
@Singleton
final class RateLimiter {
    private final RateLimitConfig config;
    private final TokenBuckets buckets;

    RateLimiter(RateLimitConfig config) {
        this.config = config;
        this.buckets = new TokenBuckets(config.burst(), config.requestsPerSecond(), Duration.ofSeconds(1));
    }

    Allowance charge(String subject) {
        return buckets.charge(subject);
    }

    RateLimitConfig config() {
        return config;
    }
}
