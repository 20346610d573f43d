package io.aigcwatch.gateway.metrics;

import io.aigcwatch.testkit.RealInfraExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.StubService;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway's own request metrics, with histogram buckets, on /prometheus. */
@ExtendWith(RealInfraExtension.class)
class PrometheusMetricsTest {

    @Test
    void answeredRequestsAreCountedWithBuckets() {
        try (StubService stub = StubService.start();
             Gateway gateway = Gateway.start(
                     Map.of("funding", stub.url(), "valuation", stub.url(), "market", stub.url()), Map.of())) {
            assertEquals(200, gateway.get("/api/health").statusCode());
            assertEquals(200, gateway.get("/api/funding-events/42").statusCode());

            HttpResponse<String> scraped = gateway.get("/prometheus");

            assertEquals(200, scraped.statusCode(), scraped.body());
            String metrics = scraped.body();
            assertTrue(Pattern.compile("(?m)^http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*"
                    + "uri=\"/api/health\"[^}]*} 1$").matcher(metrics).find(), metrics);
            assertTrue(Pattern.compile("(?m)^http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"200\""
                    + "[^}]*uri=\"/api/funding-events/\\*\\*\"[^}]*} 1$").matcher(metrics).find(), "proxied, by route: " + metrics);
            assertFalse(metrics.contains("{+rest}"), "a proxied request is counted once, by its route: " + metrics);
            assertTrue(Pattern.compile("(?m)^http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/health\"")
                    .matcher(metrics).find(), "a histogram, for percentiles");
        }
    }

    @Test
    void withMetricsTurnedOffTheGatewayStillRoutes() {
        try (StubService stub = StubService.start();
             Gateway gateway = Gateway.start(Map.of("funding", stub.url()), Map.of("micronaut.metrics.enabled", false))) {
            assertEquals(200, gateway.get("/api/funding-events/42").statusCode());
            assertEquals(404, gateway.get("/prometheus").statusCode());
        }
    }
}
