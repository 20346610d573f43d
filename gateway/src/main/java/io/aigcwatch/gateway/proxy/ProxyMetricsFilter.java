package io.aigcwatch.gateway.proxy;

import io.aigcwatch.gateway.ApiFilterOrder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Counts and times the proxied requests as {@code http_server_requests_seconds}, like every controller request.
 * Micrometer's own server filter does not count them, since the proxy answers before their stand-in routes run
 * (PrometheusMetricsTest checks that each is counted once). The {@code uri} tag is the route's first segment
 * ({@code /api/funding-events/**}), never the raw path, so ids cannot multiply the time series; only routed paths
 * get here, so the set is fixed.
 * With metrics turned off there is no registry and no filter: the gateway routes all the same.
 */
@Filter("/api/**")
@Requires(beans = MeterRegistry.class)
final class ProxyMetricsFilter implements HttpServerFilter {
    static final String METER = "http.server.requests";

    private final ProxyRoutes routes;
    private final MeterRegistry registry;

    ProxyMetricsFilter(ProxyRoutes routes, MeterRegistry registry) {
        this.routes = routes;
        this.registry = registry;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        String path = request.getUri().getRawPath();
        Optional<ProxyRoutes.Route> route = routes.forPublicPath(path);
        if (route.isEmpty()) {
            return chain.proceed(request);
        }
        String uri = ProxyRoutes.PUBLIC_PREFIX + "/" + path.substring(ProxyRoutes.PUBLIC_PREFIX.length() + 1).split("/", 2)[0]
                + "/**";
        long started = System.nanoTime();
        return Mono.from(chain.proceed(request))
                .doOnNext(response -> record(request, uri, String.valueOf(response.code()), "none", started))
                .doOnError(error -> record(request, uri, "500", error.getClass().getSimpleName(), started));
    }

    private void record(HttpRequest<?> request, String uri, String status, String exception, long started) {
        Timer.builder(METER)
                .tag("exception", exception)
                .tag("method", request.getMethodName())
                .tag("status", status)
                .tag("uri", uri)
                .register(registry)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** Right after the request id, so that whatever answers a routed path later (limits, keys, the proxy) is timed. */
    @Override
    public int getOrder() {
        return ApiFilterOrder.FIRST + 105;
    }
}
