package io.aigcwatch.gateway.proxy;

import io.aigcwatch.kit.problem.Problem;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Optional;

/**
 * Sends each request under a routed part of {@code /api} to the service that owns it, without the {@code /api}
 * prefix, and hands the service's answer back as it is: status, body, and the headers that {@link ForwardedHeaders}
 * lets through. A filter rather than a controller, so that bodies stream through instead of being decoded here.
 */
@Filter("/api/**")
final class ProxyFilter implements HttpServerFilter {
    private final ProxyRoutes routes;
    private final ForwardedHeaders headers;

    ProxyFilter(ProxyRoutes routes, ForwardedHeaders headers) {
        this.routes = routes;
        this.headers = headers;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        URI uri = request.getUri();
        Optional<ProxyRoutes.Route> found = routes.forPublicPath(uri.getRawPath());
        if (found.isEmpty()) {
            return chain.proceed(request);
        }
        ProxyRoutes.Route route = found.get();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        MutableHttpRequest<?> outgoing = request.mutate()
                .uri(URI.create(uri.getRawPath().substring(ProxyRoutes.PUBLIC_PREFIX.length()) + query));
        headers.keepForService(outgoing.getHeaders());
        return Mono.from(route.client().proxy(outgoing))
                .<MutableHttpResponse<?>>map(headers::keepForClient)
                .onErrorResume(error -> failed(route, error, uri.getRawPath()));
    }

    /**
     * Answered here rather than thrown, so that the response passes back through the other filters (the request id)
     * like any other.
     */
    private static Mono<MutableHttpResponse<?>> failed(ProxyRoutes.Route route, Throwable error, String path) {
        Optional<ProblemException> problem = DownstreamFailure.of(route.service(), error);
        if (problem.isEmpty()) {
            return Mono.error(error);
        }
        return Mono.just(HttpResponse.status(problem.get().status())
                .body(problem.get().toProblem(path))
                .contentType(Problem.MEDIA_TYPE));
    }

    /** After the request id is set, so that the service sees it. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 200;
    }
}
