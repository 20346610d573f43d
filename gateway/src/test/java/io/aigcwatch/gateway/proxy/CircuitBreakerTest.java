package io.aigcwatch.gateway.proxy;

import io.aigcwatch.testkit.RealInfraExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.StubService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per gateway: it opens funding's breaker, which would fail any other test of the same gateway. */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CircuitBreakerTest {
    private StubService funding;
    private StubService valuation;
    private Gateway gateway;

    @BeforeAll
    void start() {
        funding = StubService.start();
        valuation = StubService.start();
        gateway = Gateway.start(Map.of("funding", funding.url(), "valuation", valuation.url()), Map.of(
                // opens on the third failure in a row, whatever came before
                "aigcwatch.gateway.circuit-breaker.failure-rate-percent", 100,
                "aigcwatch.gateway.circuit-breaker.minimum-calls", 3,
                "aigcwatch.gateway.circuit-breaker.window-size", 3,
                "aigcwatch.gateway.circuit-breaker.wait-in-open", "30s"));
    }

    @AfterAll
    void stop() {
        gateway.close();
        valuation.close();
        funding.close();
    }

    @Test
    void aBrokenServiceOpensItsBreakerAndIsThenRefusedAtOnceWithoutBeingCalled() {
        String missing = "/companies/missing/" + UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            assertEquals(404, gateway.get("/api" + missing).statusCode());
        }
        assertEquals(4, funding.calls(missing), "4xx answers must not open the breaker");

        String broken = "/companies/broken/" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertEquals(500, gateway.get("/api" + broken).statusCode(), "the service's own answer, passed on");
        }
        long started = System.nanoTime();
        HttpResponse<String> refused = gateway.get("/api" + broken);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(503, refused.statusCode(), refused::body);
        assertEquals(Optional.of("application/problem+json"), refused.headers().firstValue("Content-Type"));
        assertTrue(refused.body().contains("\"type\":\"https://aigcwatch.io/problems/downstream-unavailable\""),
                refused::body);
        assertEquals(Optional.of("30"), refused.headers().firstValue("Retry-After"));
        assertTrue(refused.headers().firstValue("X-Request-Id").isPresent());
        assertTrue(millis < 1_000, () -> "took " + millis + " ms");
        assertEquals(3, funding.calls(broken), "an open breaker must not call the service");
        // another path of the same service is refused too: the breaker is the service's, not the path's
        assertEquals(503, gateway.get("/api/funding-events/1").statusCode());
        assertEquals(200, gateway.get("/api/unicorns").statusCode(), "valuation has a breaker of its own");
    }
}
