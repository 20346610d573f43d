package io.aigcwatch.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

import java.time.Duration;

/**
 * A Bucket4j token bucket per subject (a key id, or a client address). Buckets are held in a bounded Caffeine cache:
 * one left alone long enough to fill up again is forgotten, which changes nothing, as a new one starts full too.
 */
final class TokenBuckets {
    /** Far more callers than one gateway serves at once; a flood of new addresses evicts the idlest first. */
    private static final long MAX_SUBJECTS = 100_000;

    private final long capacity;
    private final long refill;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    /** @param capacity tokens a full bucket holds; @param refill tokens it earns back each {@code period} */
    TokenBuckets(long capacity, long refill, Duration period) {
        this.capacity = capacity;
        this.refill = refill;
        this.period = period;
        Duration fillsUp = period.multipliedBy((capacity + refill - 1) / refill).plus(period);
        this.buckets = Caffeine.newBuilder().expireAfterAccess(fillsUp).maximumSize(MAX_SUBJECTS).build();
    }

    /** Takes one token, if there is one. */
    Allowance charge(String subject) {
        ConsumptionProbe probe = bucket(subject).tryConsumeAndReturnRemaining(1);
        return new Allowance(probe.isConsumed(), probe.getRemainingTokens(), probe.getNanosToWaitForRefill(),
                probe.getNanosToWaitForReset());
    }

    /** Whether a token is there, without taking it. */
    Allowance peek(String subject) {
        Bucket bucket = bucket(subject);
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return new Allowance(probe.canBeConsumed(), probe.getRemainingTokens(), probe.getNanosToWaitForRefill(),
                0);
    }

    private Bucket bucket(String subject) {
        return buckets.get(subject, ignored -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(refill, period).build())
                .build());
    }
}
