package io.aigcwatch.gateway.requestid;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every API request an {@code X-Request-Id} before anything else sees it, so that the downstream services log
 * the same id as the gateway, and returns it to the client, so that a client can quote it in a bug report.
 */
@Filter("/api/**")
final class RequestIdFilter implements HttpServerFilter {
    static final String HEADER = "X-Request-Id";
    /** A client's id is kept only if it is safe to copy into logs and other services' headers. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String offered = request.getHeaders().get(HEADER);
        String id = offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        MutableHttpRequest<?> withId = request.mutate();
        withId.getHeaders().set(HEADER, id);
        return Publishers.map(chain.proceed(withId), response -> {
            response.getHeaders().set(HEADER, id);
            return response;
        });
    }

    /** Before the proxy, which forwards the header that this filter sets. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
