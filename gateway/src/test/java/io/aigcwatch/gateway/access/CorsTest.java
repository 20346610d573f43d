package io.aigcwatch.gateway.access;

import io.aigcwatch.testkit.RealInfraExtension;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aConfiguredOriginMayCallTheServicesBehindTheGatewayAndSeesItsRefusals() {
        try (StubService funding = StubService.start();
             Gateway gateway = Gateway.start(Map.of("funding", funding.url(), "valuation", funding.url(),
                     "market", funding.url()), Map.of("micronaut.server.cors.configurations.gateway.allowed-origins",
                     "https://app.example"))) {
            HttpResponse<String> preflight = gateway.send(gateway.request("/api/funding-events")
                    .header("Origin", "https://app.example")
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "X-API-Key, Content-Type")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            HttpResponse<String> foreign = gateway.send(preflight(gateway, "/api/funding-events/42", "https://evil.example"));
            HttpResponse<String> read = gateway.send(gateway.request("/api/funding-events/42", Gateway.READ_KEY)
                    .header("Origin", "https://app.example").build());
            HttpResponse<String> refused = gateway.send(gateway.request("/api/funding-events/42")
                    .header("Origin", "https://app.example").build());

            assertEquals(200, preflight.statusCode(), preflight::body);
            assertEquals(Optional.of("https://app.example"), preflight.headers().firstValue(ALLOW_ORIGIN));
            assertTrue(preflight.headers().allValues("Access-Control-Allow-Methods").contains("POST"),
                    preflight.headers()::toString);
            assertEquals(Optional.empty(), foreign.headers().firstValue(ALLOW_ORIGIN));
            assertEquals(200, read.statusCode(), read::body);
            assertEquals(Optional.of("https://app.example"), read.headers().firstValue(ALLOW_ORIGIN));
            // a browser script can read why it was refused, instead of seeing an opaque network error
            assertEquals(401, refused.statusCode(), refused::body);
            assertEquals(Optional.of("https://app.example"), refused.headers().firstValue(ALLOW_ORIGIN));
            assertFalse(funding.received().stream().anyMatch(seen -> seen.startsWith("OPTIONS")),
                    funding.received()::toString);
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
