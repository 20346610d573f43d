package io.aigcwatch.gateway.ratelimit;

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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refusals (401, 403) are charged to the client's address: an address that spent them is answered 429 with
 * Retry-After, whatever key it sends and whatever X-Forwarded-For says, while other addresses go on.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalLimitTest {
    private StubService funding;
    private Gateway gateway;

    @BeforeAll
    void start() {
        funding = StubService.start();
        gateway = Gateway.start(Map.of("funding", funding.url()), Map.of(
                Gateway.REFUSAL_BURST, 3, Gateway.REFUSALS_PER_MINUTE, 1));
    }

    @AfterAll
    void stop() {
        gateway.close();
        funding.close();
    }

    @Test
    void anAddressThatSpentItsRefusalsIsAnswered429WithRetryAfterEvenWithAValidKey() {
        assertEquals(401, gateway.get("/api/funding-events", "guessed-key-1").statusCode());
        assertEquals(401, gateway.get("/api/funding-events", "guessed-key-2").statusCode());
        assertEquals(403, gateway.send(gateway.request("/api/fx-rates/USD/2023-01", Gateway.READ_KEY)
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString("{\"unitsPerUsd\": \"1\"}")).build()).statusCode());

        HttpResponse<String> blocked = gateway.send(gateway.request("/api/funding-events", Gateway.READ_KEY)
                .header("X-Forwarded-For", "203.0.113.9").GET().build());

        assertEquals(429, blocked.statusCode(), blocked::body);
        assertEquals("application/problem+json", blocked.headers().firstValue("Content-Type").orElse(""));
        assertTrue(blocked.body().contains("too-many-refusals"), blocked::body);
        long retryAfter = Long.parseLong(blocked.headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After: " + retryAfter);

        assertEquals("HTTP/1.1 401 Unauthorized", gateway.statusLineFrom("127.0.0.2", "/api/funding-events",
                Map.of("X-API-Key", "guessed-key-3")),
                "another address is not blocked");
    }
}
