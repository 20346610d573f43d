package io.aigcwatch.gateway.tracecontext;

import io.aigcwatch.gateway.ApiFilterOrder;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Makes sure every API request carries a valid W3C {@code traceparent} before it is proxied or fanned out, so that
 * every service sees one: a caller's valid one is kept as it is, with its {@code tracestate}; a missing or invalid
 * one is replaced by a new trace, and the {@code tracestate} that belonged to it is dropped, as the specification
 * asks of a participant that restarts a trace.
 *
 * <p>A filter method that changes the request itself, like the request-id filter: a {@code mutate()} copy passed down
 * the chain would lose the body that the gateway's own controllers bind (micronaut-core#10346).
 */
@ServerFilter("/api/**")
final class TraceContextFilter implements Ordered {

    @RequestFilter
    void ensureTrace(MutableHttpRequest<?> request) {
        if (!TraceContext.isValid(request.getHeaders().get(TraceContext.TRACEPARENT))) {
            request.getHeaders().set(TraceContext.TRACEPARENT, TraceContext.start());
            request.getHeaders().remove(TraceContext.TRACESTATE);
        }
    }

    /** Right after the request id, before access checks, the proxy and the composed stats, which forward the header. */
    @Override
    public int getOrder() {
        return ApiFilterOrder.FIRST + 110;
    }
}
