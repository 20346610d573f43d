package io.aigcwatch.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * A Bucket4j token bucket per subject (a key id, or a client address). Buckets are held in a bounded Caffeine cache:
 * one left alone long enough to fill up again is forgotten, which changes nothing, as a new one starts full too.
 */
@Singleton
final class RateLimiter {
    /** Far more callers than one gateway serves at once; a flood of new addresses evicts the idlest first. */
    private static final long MAX_SUBJECTS = 100_000;

    private final RateLimitConfig config;
    private final Cache<String, Bucket> buckets;

    RateLimiter(RateLimitConfig config) {
        this.config = config;
        Duration fillsUp = Duration.ofSeconds(RateLimitHeaders.seconds(config.burst(), config.requestsPerSecond()) + 1);
        this.buckets = Caffeine.newBuilder().expireAfterAccess(fillsUp).maximumSize(MAX_SUBJECTS).build();
    }

    Allowance charge(String subject) {
        ConsumptionProbe probe = buckets.get(subject, ignored -> newBucket()).tryConsumeAndReturnRemaining(1);
        return new Allowance(probe.isConsumed(), probe.getRemainingTokens(), probe.getNanosToWaitForRefill(),
                probe.getNanosToWaitForReset());
    }

    RateLimitConfig config() {
        return config;
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(config.burst())
                        .refillGreedy(config.requestsPerSecond(), Duration.ofSeconds(1)).build())
                .build();
    }
}
