package io.aigcwatch.valuation;

import io.micronaut.runtime.server.EmbeddedServer;
import io.aigcwatch.testkit.StrangerCalls;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service starts against a real PostgreSQL and Kafka, runs its migrations and reports itself healthy. */
@ExtendWith(RealInfraExtension.class)
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValuationHealthTest implements TestPropertyProvider {

    @Override
    public @NonNull Map<String, String> getProperties() {
        return RealInfraExtension.forClass(getClass()).testProperties();
    }

    @Test
    void aCallerWithoutTheGatewaysCredentialIsRefused(EmbeddedServer server) {
        StrangerCalls.assertRefused(server.getURI(), "POST", "/valuation-marks", "{}");
        StrangerCalls.assertRefused(server.getURI(), "GET", "/unicorns", null);
    }

    @Test
    void healthIsUpAgainstRealServers(@Client("/") HttpClient client) {
        HttpResponse<Map<String, Object>> response = client.toBlocking()
                .exchange(HttpRequest.GET("/health"), Argument.mapOf(String.class, Object.class));

        assertEquals(HttpStatus.OK, response.getStatus());
        Map<String, Object> body = response.body();
        assertEquals("UP", body.get("status"), () -> "health: " + body);
        Map<?, ?> details = (Map<?, ?>) body.get("details");
        assertEquals("UP", ((Map<?, ?>) details.get("jdbc")).get("status"), () -> "health: " + body);
        assertEquals("UP", ((Map<?, ?>) details.get("kafka")).get("status"), () -> "health: " + body);
    }

    @Test
    void migrationsRanInTheServiceSchema() throws SQLException {
        TestInfra infra = RealInfraExtension.forClass(getClass());
        try (Connection connection = infra.connect();
             Statement statement = connection.createStatement();
             ResultSet versions = statement.executeQuery(
                     "select version from valuation.flyway_schema_history where success order by installed_rank")) {
            List<String> applied = new ArrayList<>();
            while (versions.next()) {
                applied.add(versions.getString(1));
            }
            assertTrue(applied.containsAll(List.of("0.1", "1")), () -> "applied: " + applied);
        }
    }
}
