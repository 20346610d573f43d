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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each service's route has its own timeout, shorter here than the client's read timeout, which it must beat. */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteTimeoutTest {
    private StubService funding;
    private Gateway gateway;

    @BeforeAll
    void start() {
        funding = StubService.start();
        gateway = Gateway.start(Map.of("funding", funding.url()), Map.of(
                "aigcwatch.gateway.routes.funding.timeout", "500ms",
                "micronaut.http.services.funding.read-timeout", "5s"));
    }

    @AfterAll
    void stop() {
        gateway.close();
        funding.close();
    }

    @Test
    void aRouteThatTakesLongerThanItsTimeoutGivesA504ProblemWhenItsTimeoutPasses() {
        gateway.get("/api/companies");
        long started = System.nanoTime();
        HttpResponse<String> response = gateway.get("/api/companies/slow");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(504, response.statusCode(), response::body);
        assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"));
        assertTrue(response.body().contains("\"type\":\"https://aigcwatch.io/problems/downstream-timeout\""),
                response::body);
        assertTrue(millis >= 450 && millis < 2_500, () -> "took " + millis + " ms; the stub answers after 3 s");
    }

    @Test
    void aFastAnswerIsUnaffected() {
        assertEquals(200, gateway.get("/api/companies").statusCode());
    }
}
