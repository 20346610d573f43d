package io.aigcwatch.gateway.proxy;

import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.StubService;
import io.aigcwatch.testkit.RealInfraExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** funding-service is not running at all. */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceDownTest {
    private Gateway gateway;

    @BeforeAll
    void start() {
        gateway = Gateway.start(Map.of("funding", StubService.nobodyListening()), Map.of());
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void aServiceThatIsDownGivesA503ProblemAtOnce() {
        long started = System.nanoTime();
        HttpResponse<String> response = gateway.get("/api/funding-events/1?x=1");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(503, response.statusCode(), response::body);
        assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"));
        assertTrue(response.body().contains("\"type\":\"https://aigcwatch.io/problems/downstream-unavailable\""),
                response::body);
        assertTrue(response.body().contains("\"status\":503"), response::body);
        assertTrue(millis < 3_000, () -> "took " + millis + " ms");
    }

    @Test
    void aPostToAServiceThatIsDownIsA503TooNotA500() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/funding-events", Gateway.WRITE_KEY)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"round\":\"SEED\"}")).build());

        assertEquals(503, response.statusCode(), response::body);
        assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"));
    }
}
