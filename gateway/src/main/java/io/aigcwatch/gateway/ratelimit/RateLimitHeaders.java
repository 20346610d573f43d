package io.aigcwatch.gateway.ratelimit;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;

import java.util.concurrent.TimeUnit;

/**
 * Tells a caller where it stands, in the fields of draft-ietf-httpapi-ratelimit-headers (-09 and later), which
 * replaced the older {@code RateLimit-Limit}/{@code -Remaining}/{@code -Reset} trio with two structured fields:
 * <ul>
 *     <li>{@code RateLimit-Policy: "per-caller";q=200;w=4}: a quota of {@code q} requests, which the bucket earns
 *     back in {@code w} seconds at the configured rate (so {@code q/w} is the rate a caller may keep up);</li>
 *     <li>{@code RateLimit: "per-caller";r=57;t=3}: {@code r} requests left now, and {@code t} seconds until the
 *     whole quota is back.</li>
 * </ul>
 * A refused request also gets {@code Retry-After}: whole seconds, at least 1, until one more request is allowed.
 */
final class RateLimitHeaders {
    static final String POLICY = "RateLimit-Policy";
    static final String STATUS = "RateLimit";
    private static final String NAME = "\"per-caller\"";

    private RateLimitHeaders() {
    }

    static void add(MutableHttpResponse<?> response, RateLimitConfig config, Allowance allowance) {
        response.header(POLICY, NAME + ";q=" + config.burst()
                + ";w=" + seconds(config.burst(), config.requestsPerSecond()));
        response.header(STATUS, NAME + ";r=" + allowance.remaining() + ";t=" + seconds(allowance.nanosUntilFull()));
        if (!allowance.granted()) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds(allowance.nanosUntilNext()))));
        }
    }

    /** Whole seconds, rounded up: a client that waits this long is never early. */
    static long seconds(long nanos) {
        return seconds(nanos, TimeUnit.SECONDS.toNanos(1));
    }

    static long seconds(long amount, long perSecond) {
        return (amount + perSecond - 1) / perSecond;
    }
}
