package io.aigcwatch.gateway.ratelimit;

import io.aigcwatch.gateway.ApiFilterOrder;
import io.aigcwatch.gateway.access.Caller;
import io.aigcwatch.gateway.access.ProblemResponses;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

import java.time.Duration;

/**
 * Charges every 401 and 403 answer to the client's address, and once an address has spent its refusals, answers
 * 429 with {@code Retry-After} to everything it sends until one is earned back. The per-caller limit cannot do this:
 * a request with a wrong key has no caller, and a guesser would otherwise try keys as fast as the gateway answers.
 * Every request from a blocked address is refused, valid key or not, so a guess that happens to be right tells
 * nothing until the block ends. Before the access check (+140), so a blocked address costs no key comparison.
 */
@Filter("/api/**")
final class RefusalLimitFilter implements HttpServerFilter {
    private final RateLimitConfig config;
    private final TokenBuckets refusals;

    RefusalLimitFilter(RateLimitConfig config) {
        this.config = config;
        this.refusals = new TokenBuckets(config.refusalBurst(), config.refusalsPerMinute(), Duration.ofMinutes(1));
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String address = Caller.address(request);
        Allowance left = refusals.peek(address);
        if (!left.granted()) {
            MutableHttpResponse<?> blocked = ProblemResponses.of(new ProblemException(HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-refusals", "this address was refused more than " + config.refusalBurst()
                    + " times (401 or 403) in a short while; retry later"), request);
            blocked.header(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, RateLimitHeaders.seconds(left.nanosUntilNext()))));
            return Publishers.<MutableHttpResponse<?>>just(blocked);
        }
        return Publishers.map(chain.proceed(request), response -> {
            int status = response.code();
            if (status == HttpStatus.UNAUTHORIZED.getCode() || status == HttpStatus.FORBIDDEN.getCode()) {
                refusals.charge(address);
            }
            return response;
        });
    }

    @Override
    public int getOrder() {
        return ApiFilterOrder.FIRST + 130;
    }
}
