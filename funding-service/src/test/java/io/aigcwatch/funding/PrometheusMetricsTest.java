package io.aigcwatch.funding;

import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an operator's Prometheus scrapes: request latencies with histogram buckets, and the outbox backlog. */
@ExtendWith(RealInfraExtension.class)
class PrometheusMetricsTest {

    @Test
    void requestsAndTheUnsentOutboxRowsShowUp(TestInfra infra) {
        Map<String, Object> properties = new HashMap<>(infra.serviceProperties());
        properties.put("micronaut.server.port", -1);
        // no relay: the row stays unsent, so the backlog is known exactly
        properties.put("aigcwatch.outbox.enabled", false);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            Http http = new Http(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
            HttpResponse<String> created = http.post("/funding-events",
                    Rounds.round("Metrics One", "SEED", "1000000", "USD", "2023-02-02"));
            assertEquals(201, created.statusCode(), created.body());

            HttpResponse<String> scraped = http.get("/prometheus");

            assertEquals(200, scraped.statusCode(), scraped.body());
            String metrics = scraped.body();
            assertTrue(Pattern.compile("(?m)^http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"201\""
                    + "[^}]*uri=\"/funding-events\"[^}]*} 1$").matcher(metrics).find(), metrics);
            assertTrue(Pattern.compile("(?m)^http_server_requests_seconds_bucket\\{[^}]*uri=\"/funding-events\"")
                    .matcher(metrics).find(), "a histogram, for percentiles");
            assertTrue(Pattern.compile("(?m)^aigcwatch_outbox_backlog 1\\.0$").matcher(metrics).find(), metrics);
            assertTrue(metrics.contains("hikaricp_connections_active"), "pool metrics");
        }
    }
}
