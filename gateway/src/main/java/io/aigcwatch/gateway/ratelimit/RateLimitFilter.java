package io.aigcwatch.gateway.ratelimit;

import io.aigcwatch.gateway.ApiFilterOrder;
import io.aigcwatch.gateway.access.Caller;
import io.aigcwatch.gateway.access.ProblemResponses;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;


/**
 * Charges each API request to its caller's bucket and answers 429 once the bucket is empty. It runs after the access
 * filter, so that a request with an unknown key is refused (401) without a bucket ever being made for it, and before
 * the proxy and every controller, so that a refused request costs no service anything.
 */
@Filter("/api/**")
final class RateLimitFilter implements HttpServerFilter {
    private final RateLimiter limiter;

    RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Allowance allowance = limiter.charge(Caller.limitKey(request));
        if (!allowance.granted()) {
            MutableHttpResponse<?> refused = ProblemResponses.of(new ProblemException(HttpStatus.TOO_MANY_REQUESTS,
                    "rate-limited", "this caller sent more than " + limiter.config().requestsPerSecond()
                    + " requests per second (bursts up to " + limiter.config().burst() + "); retry later"), request);
            RateLimitHeaders.add(refused, limiter.config(), allowance);
            return Publishers.<MutableHttpResponse<?>>just(refused);
        }
        return Publishers.map(chain.proceed(request), response -> {
            RateLimitHeaders.add(response, limiter.config(), allowance);
            return response;
        });
    }


    /** After the access filter decided who calls; before the proxy (+200), which makes the downstream call. */
    @Override
    public int getOrder() {
        return ApiFilterOrder.FIRST + 150;
    }
}
