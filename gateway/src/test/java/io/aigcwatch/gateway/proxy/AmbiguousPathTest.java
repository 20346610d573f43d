package io.aigcwatch.gateway.proxy;

import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.StubService;
import io.aigcwatch.testkit.RealInfraExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A path the access check would judge as one route while a service answers another is refused with 400 before
 * either: nothing reaches a service, whatever the key.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AmbiguousPathTest {
    private StubService services;
    private Gateway gateway;

    @BeforeAll
    void start() {
        services = StubService.start();
        gateway = Gateway.start(Map.of("funding", services.url(), "valuation", services.url(),
                "market", services.url(), "notification", services.url()), Map.of());
    }

    @AfterAll
    void stop() {
        gateway.close();
        services.close();
    }

    private static final List<String> AMBIGUOUS = List.of(
            "/api/funding-events/..%2Ffx-rates/USD/2023-01",
            "/api/funding-events/..%2ffx-rates/USD/2023-01",
            "/api/funding-events/..%5Cfx-rates/USD/2023-01",
            "/api/funding-events/%2e%2e/fx-rates/USD/2023-01",
            "/api/funding-events/.%2E/fx-rates/USD/2023-01",
            "/api/funding-events/../fx-rates/USD/2023-01",
            "/api/funding-events/./1",
            "/api/funding-events/%2E/1",
            "/api/webhooks/..%2F..%2Fmarket%2Fassumptions",
            "/api/companies/x%2F..%2F..%2Ffx-rates");

    @Test
    void anEncodedSlashOrADotSegmentIsRefusedBeforeTheAccessCheckAndReachesNoService() {
        AMBIGUOUS.forEach(this::assertRefusedUnforwarded);
    }

    @Test
    void anOrdinaryPathStillReachesItsService() {
        HttpResponse<String> response = gateway.get("/api/funding-events/7", Gateway.READ_KEY);

        assertEquals(200, response.statusCode(), response::body);
    }

    private void assertRefusedUnforwarded(String path) {
        List<String> before = services.received();

        HttpResponse<String> read = gateway.get(path, Gateway.READ_KEY);
        HttpResponse<String> write = gateway.send(gateway.request(path, Gateway.WRITE_KEY)
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString("{\"unitsPerUsd\": \"1\"}")).build());

        for (HttpResponse<String> response : List.of(read, write)) {
            assertEquals(400, response.statusCode(), () -> path + ": " + response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
            assertTrue(response.body().contains("ambiguous-path"), response::body);
        }
        assertEquals(before, services.received(), "a service was called");
    }
}
