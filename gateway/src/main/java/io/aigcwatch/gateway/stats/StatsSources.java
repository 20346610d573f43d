package io.aigcwatch.gateway.stats;

import io.aigcwatch.gateway.resilience.ServiceFailure;
import io.aigcwatch.gateway.resilience.ServiceGuard;
import io.aigcwatch.gateway.tracecontext.TraceContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.uri.UriBuilder;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Asks one service for one part of the stats, through the service's breaker (shared with the proxy, so a service that
 * is known to be down is not even connected to) and within the stats timeout. Never fails: a part that cannot be had
 * comes back missing, with the reason.
 */
@Singleton
final class StatsSources {
    private static final Logger LOG = LoggerFactory.getLogger(StatsSources.class);
    /** The request's identity goes along, so that the services' logs and traces join the gateway's. */
    private static final List<String> PROPAGATED = List.of("X-Request-Id", TraceContext.TRACEPARENT, TraceContext.TRACESTATE);

    private final Map<String, HttpClient> clients;
    private final ServiceGuard guard;
    private final StatsConfig config;

    StatsSources(@Client(id = "funding") HttpClient funding,
                 @Client(id = "valuation") HttpClient valuation,
                 @Client(id = "market") HttpClient market,
                 ServiceGuard guard, StatsConfig config) {
        this.clients = Map.of("funding", funding, "valuation", valuation, "market", market);
        this.guard = guard;
        this.config = config;
    }

    /**
     * @param query the query parameters to pass on, such as the stats' filters (each value is encoded here); empty
     *              for none
     * @param shape turns the service's answer into the part; if it cannot (an answer of another shape), the part is
     *              missing as {@code failed}, like any other unusable answer
     */
    <T, R> Mono<Part<R>> fetch(String part, String service, String path, Map<String, String> query, Class<T> type,
                               Function<T, R> shape, HttpRequest<?> incoming) {
        HttpClient client = clients.get(service);
        URI uri = uri(path, query);
        // no retry: one try already spends the whole timeout that the stats may take
        return guard.call(service, config.timeout(), false,
                        () -> client.exchange(outgoing(uri, incoming), type))
                .map(answer -> Part.of(part, shape.apply(answer.getBody()
                        .orElseThrow(() -> new IllegalArgumentException(service + " answered without a body")))))
                .onErrorResume(error -> Mono.just(missing(part, service, error)));
    }

    private static URI uri(String path, Map<String, String> query) {
        UriBuilder uri = UriBuilder.of(path);
        query.forEach(uri::queryParam);
        return uri.build();
    }

    private static MutableHttpRequest<?> outgoing(URI uri, HttpRequest<?> incoming) {
        MutableHttpRequest<?> request = HttpRequest.GET(uri).accept(MediaType.APPLICATION_JSON_TYPE);
        for (String header : PROPAGATED) {
            incoming.getHeaders().getFirst(header).ifPresent(value -> request.header(header, value));
        }
        return request;
    }

    private static <R> Part<R> missing(String part, String service, Throwable error) {
        String reason = ServiceFailure.of(error).map(ServiceFailure::wireName).orElse(ServiceFailure.FAILED.wireName());
        LOG.warn("/api/stats without {}: {} {} ({})", part, service, reason, error.toString());
        return Part.missing(part, reason);
    }
}
