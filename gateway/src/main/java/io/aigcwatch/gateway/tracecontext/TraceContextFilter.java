package io.aigcwatch.gateway.tracecontext;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

/**
 * Makes sure every API request carries a valid W3C {@code traceparent} before it is proxied or fanned out, so that
 * every service sees one: a caller's valid one is kept as it is, with its {@code tracestate}; a missing or invalid
 * one is replaced by a new trace, and the {@code tracestate} that belonged to it is dropped, as the specification
 * asks of a participant that restarts a trace.
 */
@Filter("/api/**")
final class TraceContextFilter implements HttpServerFilter {

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        if (TraceContext.isValid(request.getHeaders().get(TraceContext.TRACEPARENT))) {
            return chain.proceed(request);
        }
        MutableHttpRequest<?> started = request.mutate();
        started.getHeaders().set(TraceContext.TRACEPARENT, TraceContext.start());
        started.getHeaders().remove(TraceContext.TRACESTATE);
        return chain.proceed(started);
    }

    /** Right after the request id, before access checks, the proxy and the composed stats, which forward the header. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 110;
    }
}
