package io.aigcwatch.gateway.access;

import io.aigcwatch.infra.RealInfraExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.StubService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Browsers may call the API from the gateway's own origin by default, from the configured ones otherwise. */
@ExtendWith(RealInfraExtension.class)
class CorsTest {
    private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

    @Test
    void byDefaultOnlyTheGatewaysOwnOriginIsAllowed() {
        try (StubService funding = StubService.start();
             Gateway gateway = Gateway.start(Map.of("funding", funding.url(), "valuation", funding.url(),
                     "market", funding.url()), Map.of())) {
            HttpResponse<String> own = gateway.send(preflight(gateway, "/api/health", "http://localhost:8080"));
            HttpResponse<String> foreign = gateway.send(preflight(gateway, "/api/health", "https://evil.example"));
            HttpResponse<String> foreignToAService =
                    gateway.send(preflight(gateway, "/api/funding-events", "https://evil.example"));

            assertEquals(200, own.statusCode(), own::body);
            assertEquals(Optional.of("http://localhost:8080"), own.headers().firstValue(ALLOW_ORIGIN));
            assertEquals(Optional.empty(), foreign.headers().firstValue(ALLOW_ORIGIN));
            assertEquals(Optional.empty(), foreignToAService.headers().firstValue(ALLOW_ORIGIN));
            assertFalse(funding.received().stream().anyMatch(seen -> seen.startsWith("OPTIONS")),
                    funding.received()::toString);
        }
    }

    @Test
    void theOriginsCanBeConfigured() {
        try (StubService funding = StubService.start();
             Gateway gateway = Gateway.start(Map.of("funding", funding.url(), "valuation", funding.url(),
                     "market", funding.url()), Map.of("micronaut.server.cors.configurations.gateway.allowed-origins",
                     "https://app.example,https://admin.example"))) {
            HttpResponse<String> allowed = gateway.send(preflight(gateway, "/api/health", "https://admin.example"));
            HttpResponse<String> former = gateway.send(preflight(gateway, "/api/health", "http://localhost:8080"));

            assertEquals(Optional.of("https://admin.example"), allowed.headers().firstValue(ALLOW_ORIGIN));
            assertEquals(Optional.empty(), former.headers().firstValue(ALLOW_ORIGIN));
        }
    }

    private static HttpRequest preflight(Gateway gateway, String path, String origin) {
        return gateway.request(path)
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "X-API-Key")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build();
    }
}
