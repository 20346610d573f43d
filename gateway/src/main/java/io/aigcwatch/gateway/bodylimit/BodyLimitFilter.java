package io.aigcwatch.gateway.bodylimit;

import io.aigcwatch.gateway.ApiFilterOrder;
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
 * Refuses a body that declares itself larger than its route allows ({@link BodyLimits}) before the proxy opens a
 * connection to a service. The server's own check (micronaut.server.max-request-size, raised to the import's bound)
 * fires only while the body streams, by which time the proxy has sent the request's head downstream; a chunked body
 * of unknown length is cut off there, or by the service's own limit.
 */
@Filter("/api/**")
final class BodyLimitFilter implements HttpServerFilter {
    private final BodyLimits limits;

    BodyLimitFilter(BodyLimits limits) {
        this.limits = limits;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        long maxBytes = limits.forPath(request.getPath());
        if (request.getContentLength() > maxBytes) {
            return Publishers.<MutableHttpResponse<?>>just(ProblemResponses.of(new ProblemException(
                    HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body-too-large",
                    "the body is larger than " + maxBytes + " bytes"), request));
        }
        return chain.proceed(request);
    }

    /** After the rate limit, which charges such a request too; before the proxy (+200). */
    @Override
    public int getOrder() {
        return ApiFilterOrder.FIRST + 160;
    }
}
