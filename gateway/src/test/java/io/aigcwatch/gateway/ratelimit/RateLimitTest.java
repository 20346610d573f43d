package io.aigcwatch.gateway.ratelimit;

import io.aigcwatch.testkit.RealInfraExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.StubService;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A limit lowered to 1 request per second with bursts of 3, so that a quick run of requests meets it. Each test
 * spends its own caller's bucket.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest {
    private static final String FIRST_KEY = "aw_first-caller-0001";
    private static final String SECOND_KEY = "aw_second-caller-0002";
    private static final String THIRD_KEY = "aw_third-caller-0003";
    private static final int BURST = 3;
    /** At 1 token a second, far more than can refill while these requests are sent. */
    private static final int ATTEMPTS = 10;

    private StubService funding;
    private Gateway gateway;

    @BeforeAll
    void start() {
        funding = StubService.start();
        gateway = Gateway.start(Map.of("funding", funding.url()), Map.of(
                Gateway.API_KEYS, FIRST_KEY + "=read," + SECOND_KEY + "=read," + THIRD_KEY + "=read",
                Gateway.ANONYMOUS_READ, true,
                Gateway.RATE_LIMIT_RPS, 1,
                Gateway.RATE_LIMIT_BURST, BURST));
    }

    @AfterAll
    void stop() {
        gateway.close();
        funding.close();
    }

    @Test
    void aCallerOverTheLimitGets429WithRetryAfterAndAnotherCallerIsUnaffected() {
        HttpResponse<String> first = gateway.get("/api/funding-events/1", FIRST_KEY);
        assertEquals(200, first.statusCode(), first::body);
        assertEquals(Optional.of("\"per-caller\";q=3;w=3"), first.headers().firstValue("RateLimit-Policy"));
        assertTrue(first.headers().firstValue("RateLimit").orElse("").startsWith("\"per-caller\";r=2;t="),
                first.headers()::toString);

        HttpResponse<String> refused = firstRefusal(FIRST_KEY, "/api/funding-events/1", 1);
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertTrue(refused.body().contains("\"type\":\"https://aigcwatch.io/problems/rate-limited\""), refused::body);
        assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertTrue(refused.headers().firstValue("RateLimit").orElse("").startsWith("\"per-caller\";r=0;t="),
                refused.headers()::toString);
        assertEquals(Optional.of("\"per-caller\";q=3;w=3"), refused.headers().firstValue("RateLimit-Policy"));
        assertTrue(refused.headers().firstValue("X-Request-Id").isPresent());

        HttpResponse<String> other = gateway.get("/api/funding-events/1", SECOND_KEY);
        assertEquals(200, other.statusCode(), other::body);
        assertTrue(other.headers().firstValue("RateLimit").orElse("").startsWith("\"per-caller\";r=2;"));
    }

    @Test
    void aRefusedRequestReachesNoService() {
        firstRefusal(THIRD_KEY, "/api/funding-events/3", 0);
        long reachedBefore = reached("/funding-events/3");

        HttpResponse<String> again = gateway.get("/api/funding-events/3", THIRD_KEY);

        assertEquals(429, again.statusCode(), again::body);
        assertEquals(reachedBefore, reached("/funding-events/3"));
    }

    @Test
    void anUnknownKeyIs401EveryTimeAndGetsNoBucket() {
        for (int i = 0; i < ATTEMPTS; i++) {
            HttpResponse<String> response = gateway.get("/api/funding-events/2", "aw_unknown");
            assertEquals(401, response.statusCode(), response::body);
            assertFalse(response.headers().firstValue("RateLimit").isPresent());
        }
    }

    @Test
    void callersWithoutAKeyShareTheirAddresssBucket() {
        HttpResponse<String> refused = firstRefusal(null, "/api/funding-events/4", 0);

        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void theDefaultIs50PerSecondWithBurstsOf200() {
        // the gateway needs its database even to read its configuration
        try (ApplicationContext context = ApplicationContext.run(RealInfraExtension.forClass(RateLimitTest.class).serviceProperties())) {
            RateLimitConfig config = context.getBean(RateLimitConfig.class);

            assertEquals(50, config.requestsPerSecond());
            assertEquals(200, config.burst());
        }
    }

    /** Spends the rest of the burst, which must all be served, then sends until refused. */
    private HttpResponse<String> firstRefusal(String key, String path, int spent) {
        for (int i = spent; i < BURST; i++) {
            HttpResponse<String> served = key == null ? gateway.getAnonymously(path) : gateway.get(path, key);
            assertEquals(200, served.statusCode(), served::body);
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            HttpResponse<String> response = key == null ? gateway.getAnonymously(path) : gateway.get(path, key);
            if (response.statusCode() == 429) {
                return response;
            }
            assertEquals(200, response.statusCode(), response::body);
        }
        throw new AssertionError("no 429 in " + (BURST + ATTEMPTS) + " requests at 1 request per second");
    }

    private long reached(String path) {
        return funding.received().stream().filter(seen -> seen.equals("GET " + path)).count();
    }
}
