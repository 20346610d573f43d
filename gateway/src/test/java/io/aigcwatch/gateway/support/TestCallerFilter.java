package io.aigcwatch.gateway.support;

import io.aigcwatch.gateway.access.Caller;
import io.aigcwatch.gateway.access.Scope;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Sets the caller from {@link TestCallers#HEADER}, as the access filter sets it from an API key. */
@Requires(property = TestCallers.ENABLED, value = "true")
@Filter("/api/**")
final class TestCallerFilter implements HttpServerFilter {

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String header = request.getHeaders().get(TestCallers.HEADER);
        if (header != null) {
            String[] parts = header.split(";", 2);
            Set<Scope> scopes = parts.length < 2 || parts[1].isBlank() ? Set.of(Scope.READ)
                    : Arrays.stream(parts[1].split(","))
                    .map(scope -> Scope.valueOf(scope.strip().toUpperCase(Locale.ROOT)))
                    .collect(Collectors.toSet());
            request.setAttribute(Caller.ATTRIBUTE, new Caller(parts[0], scopes));
        }
        return chain.proceed(request);
    }

    /** Between the request id and the proxy, where the access filter sits. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 150;
    }
}
