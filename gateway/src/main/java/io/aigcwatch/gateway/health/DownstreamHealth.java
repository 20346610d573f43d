package io.aigcwatch.gateway.health;

import io.aigcwatch.gateway.resilience.ServiceGuard;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Asks every service for its {@code /health} at once; one that fails or is slow counts as DOWN. */
@Singleton
final class DownstreamHealth {
    private final List<Service> services;
    private final HealthCheckConfig config;

    DownstreamHealth(@Client(id = "funding") HttpClient funding,
                     @Client(id = "valuation") HttpClient valuation,
                     @Client(id = "market") HttpClient market,
                     @Client(id = "notification") HttpClient notification,
                     HealthCheckConfig config) {
        this.services = List.of(
                new Service("funding", funding),
                new Service("valuation", valuation),
                new Service("market", market),
                new Service("notification", notification));
        this.config = config;
    }

    /** Each service's status, in the same order every time. */
    Mono<Map<String, String>> check() {
        // flatMapSequential asks all services at once but keeps their order in the answer
        return Flux.fromIterable(services)
                .flatMapSequential(service -> status(service.client()).map(status -> Map.entry(service.name(), status)))
                .collect(LinkedHashMap::new, (statuses, entry) -> statuses.put(entry.getKey(), entry.getValue()));
    }

    /** Given up on after the timeout without cancelling the request, as the proxy gives up on a slow service. */
    private Mono<String> status(HttpClient client) {
        return ServiceGuard.uncancelled(Mono.from(client.exchange(HttpRequest.GET("/health"), HealthReport.class))
                        .map(DownstreamHealth::statusOf)
                        .onErrorReturn(SuiteHealth.DOWN))
                .timeout(config.timeout(), Mono.just(SuiteHealth.DOWN));
    }

    /** UP only on a 200 that says UP: anything else answering on that port is not a healthy service. */
    private static String statusOf(HttpResponse<HealthReport> response) {
        boolean up = response.getStatus() == HttpStatus.OK
                && response.getBody().map(HealthReport::status).filter(SuiteHealth.UP::equals).isPresent();
        return up ? SuiteHealth.UP : SuiteHealth.DOWN;
    }

    private record Service(String name, HttpClient client) {
    }
}
