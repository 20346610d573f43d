package io.aigcwatch.gateway.health;

import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.SilentServer;
import io.aigcwatch.gateway.support.StubService;
import io.aigcwatch.testkit.RealInfraExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiHealthTest {
    private StubService stub;
    private SilentServer silent;

    @BeforeAll
    void start() {
        stub = StubService.start();
        silent = SilentServer.start();
    }

    @AfterAll
    void stop() throws IOException {
        silent.close();
        stub.close();
    }

    @Test
    void allServicesUpIs200() {
        try (Gateway gateway = Gateway.start(
                Map.of("funding", stub.url(), "valuation", stub.url(), "market", stub.url()), Map.of())) {
            HttpResponse<String> response = gateway.getAnonymously("/api/health");

            assertEquals(200, response.statusCode(), response::body);
            assertEquals("{\"status\":\"UP\",\"services\":{\"gateway\":\"UP\",\"funding\":\"UP\",\"valuation\":\"UP\","
                    + "\"market\":\"UP\"}}", response.body());
        }
    }

    @Test
    void aServiceThatIsDownOrHangsIsDownAndTheWholeIs503WithinTheTimeout() {
        try (Gateway gateway = Gateway.start(Map.of("funding", stub.url(),
                "valuation", StubService.nobodyListening(), "market", silent.url()), Map.of(
                "aigcwatch.gateway.health.timeout", "1s",
                // longer than the health timeout, which must win; short enough not to hold up the context's close
                "micronaut.http.services.market.read-timeout", "5s"))) {
            long started = System.nanoTime();
            HttpResponse<String> response = gateway.getAnonymously("/api/health");
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertEquals(503, response.statusCode(), response::body);
            assertEquals("{\"status\":\"DOWN\",\"services\":{\"gateway\":\"UP\",\"funding\":\"UP\",\"valuation\":\"DOWN\","
                    + "\"market\":\"DOWN\"}}", response.body());
            assertTrue(millis < 4_000, () -> "took " + millis + " ms");
        }
    }

    @Test
    void theGatewaysOwnHealthIsUpWhateverTheServicesSay() {
        try (Gateway gateway = Gateway.start(Map.of("funding", StubService.nobodyListening(),
                "valuation", StubService.nobodyListening(), "market", StubService.nobodyListening()), Map.of())) {
            HttpResponse<String> response = gateway.getAnonymously("/health");

            assertEquals(200, response.statusCode(), response::body);
            assertTrue(response.body().contains("\"status\":\"UP\""), response::body);
        }
    }
}
