package io.aigcwatch.valuation;

import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/** The consumer's lag reaches Prometheus: micronaut-kafka binds the Kafka client metrics to the registry. */
@ExtendWith(RealInfraExtension.class)
class PrometheusMetricsTest {
    private static final Pattern CONSUMER_LAG =
            Pattern.compile("(?m)^kafka_consumer_fetch_manager_records_lag_max\\{[^}]*} [0-9.]+$");

    @Test
    void theConsumersLagIsScraped(TestInfra infra) {
        Map<String, Object> properties = new HashMap<>(infra.serviceProperties());
        properties.put("micronaut.server.port", -1);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest scrape = HttpRequest.newBuilder(server.getURI().resolve("/prometheus")).build();
            // the client registers its fetch metrics once it has joined the group and fetched
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> CONSUMER_LAG.matcher(body(client, scrape)).find());
        }
    }

    private static String body(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
