package io.aigcwatch.gateway.proxy;

import io.aigcwatch.gateway.ApiFilterOrder;
import io.aigcwatch.gateway.access.Caller;
import io.aigcwatch.gateway.access.ProblemResponses;
import io.aigcwatch.gateway.resilience.ServiceFailure;
import io.aigcwatch.gateway.resilience.ServiceGuard;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Sends each request under a routed part of {@code /api} to the service that owns it, without the {@code /api}
 * prefix, and hands the service's answer back as it is: status, body, and the headers that {@link ForwardedHeaders}
 * lets through. A filter rather than a controller, so that bodies stream through instead of being decoded here.
 * Each call goes through the service's {@link ServiceGuard}: its route's timeout, its circuit breaker, and retries for
 * GET and HEAD only.
 */
@Filter("/api/**")
final class ProxyFilter implements HttpServerFilter {
    /** Sending these twice changes nothing, so a try that failed on the way may be repeated. */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final ProxyRoutes routes;
    private final ForwardedHeaders headers;
    private final ServiceGuard guard;

    ProxyFilter(ProxyRoutes routes, ForwardedHeaders headers, ServiceGuard guard) {
        this.routes = routes;
        this.headers = headers;
        this.guard = guard;
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
        URI target = URI.create(uri.getRawPath().substring(ProxyRoutes.PUBLIC_PREFIX.length()) + query);
        String service = route.service();
        boolean idempotent = IDEMPOTENT.contains(request.getMethod());
        return guard.call(service, guard.routeTimeout(service), idempotent,
                        () -> route.client().proxy(idempotent ? bodiless(request, target) : forwarded(request, target)))
                .<MutableHttpResponse<?>>map(headers::keepForClient)
                .onErrorResume(error -> failed(route, error, request));
    }

    /** The client's request itself, body and all, streaming through; sent once, never retried. */
    private MutableHttpRequest<?> forwarded(HttpRequest<?> request, URI target) {
        MutableHttpRequest<?> outgoing = request.mutate().uri(target);
        headers.keepForService(outgoing.getHeaders(), Caller.of(request));
        return outgoing;
    }

    /**
     * A new copy for each try of a GET or HEAD: the client's own request can be sent only once, since its body is
     * claimed by the first try. A GET has no meaningful body, so none is sent, and no length that announces one.
     */
    private MutableHttpRequest<?> bodiless(HttpRequest<?> request, URI target) {
        MutableHttpRequest<?> outgoing = HttpRequest.create(request.getMethod(), target.toString());
        request.getHeaders().forEach((name, values) -> values.forEach(value -> outgoing.getHeaders().add(name, value)));
        headers.keepForService(outgoing.getHeaders(), Caller.of(request));
        outgoing.getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        return outgoing;
    }

    /**
     * Answered here rather than thrown, so that the response passes back through the other filters (the request id)
     * like any other.
     */
    private Mono<MutableHttpResponse<?>> failed(ProxyRoutes.Route route, Throwable error, HttpRequest<?> request) {
        Optional<ProblemException> problem = DownstreamFailure.of(route.service(), error);
        if (problem.isEmpty()) {
            return Mono.error(error);
        }
        MutableHttpResponse<?> response = ProblemResponses.of(problem.get(), request);
        if (ServiceFailure.of(error).filter(ServiceFailure.CIRCUIT_OPEN::equals).isPresent()) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(guard.retryAfterSeconds()));
        }
        return Mono.just(response);
    }

    /** After the request id is set, so that the service sees it. */
    @Override
    public int getOrder() {
        return ApiFilterOrder.FIRST + 200;
    }
}
