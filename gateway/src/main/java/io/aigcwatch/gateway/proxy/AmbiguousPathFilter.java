package io.aigcwatch.gateway.proxy;

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

import java.util.Optional;

/**
 * Refuses every {@code /api} path that is an {@link AmbiguousPath} with 400, before the access check: that check
 * must judge the very path that is forwarded, and with an encoded slash or a dot segment it could judge one route
 * ({@code /api/funding-events/..%2Ffx-rates/USD/2023-01}, which a write key may touch) while a service answers
 * another ({@code /fx-rates/USD/2023-01}, which needs admin).
 */
@Filter("/api/**")
final class AmbiguousPathFilter implements HttpServerFilter {

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        Optional<String> problem = AmbiguousPath.problem(request.getUri().getRawPath());
        if (problem.isPresent()) {
            return Publishers.just(ProblemResponses.of(new ProblemException(HttpStatus.BAD_REQUEST, "ambiguous-path",
                    "the path holds " + problem.get() + ", which could be read as another path; "
                            + "send it without"), request));
        }
        return chain.proceed(request);
    }

    /** After the request id is set (+100), so that the refusal carries it; before the access check (+140). */
    @Override
    public int getOrder() {
        return ApiFilterOrder.FIRST + 120;
    }
}
