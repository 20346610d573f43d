package io.aigcwatch.gateway.proxy;

import io.aigcwatch.testkit.RealInfraExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.StubService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retries of idempotent requests, and only those, in front of a stub that fails on purpose. */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetryTest {
    private StubService funding;
    private Gateway gateway;

    @BeforeAll
    void start() {
        funding = StubService.start();
        gateway = Gateway.start(Map.of("funding", funding.url()), Map.of(
                "aigcwatch.gateway.retry.max-attempts", 3,
                "aigcwatch.gateway.retry.backoff", "20ms",
                // these tests fail on purpose; the breaker has its own test
                "aigcwatch.gateway.circuit-breaker.minimum-calls", 1000,
                "aigcwatch.gateway.circuit-breaker.window-size", 1000));
    }

    @AfterAll
    void stop() {
        gateway.close();
        funding.close();
    }

    @Test
    void aGetThatMeetsATransient503IsRetriedUntilItSucceeds() {
        String path = "/companies/flaky/" + UUID.randomUUID() + "/2";

        HttpResponse<String> response = gateway.get("/api" + path);

        assertEquals(200, response.statusCode(), response::body);
        assertEquals("{\"attempt\":3}", response.body());
        assertEquals(3, funding.calls(path));
    }

    @Test
    void aGetThatKeepsFailingGetsTheServicesLastAnswerAfterTheLastAttempt() {
        String path = "/companies/flaky/" + UUID.randomUUID() + "/5";

        HttpResponse<String> response = gateway.get("/api" + path);

        assertEquals(503, response.statusCode(), response::body);
        assertEquals("{\"attempt\":3}", response.body());
        assertEquals(3, funding.calls(path));
    }

    @Test
    void aPostIsNeverRetried() {
        String path = "/companies/unavailable/" + UUID.randomUUID();

        HttpResponse<String> response = gateway.send(gateway.request("/api" + path, Gateway.WRITE_KEY)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"round\":\"SEED\"}")).build());

        assertEquals(503, response.statusCode(), response::body);
        assertEquals("{\"posted\":true}", response.body());
        assertEquals(1, funding.calls(path));
    }
}
