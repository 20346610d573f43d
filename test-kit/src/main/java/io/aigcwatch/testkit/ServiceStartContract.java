package io.aigcwatch.testkit;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service shows once started against a real PostgreSQL and Kafka: {@code /health} UP with both, its
 * migrations applied in its own schema, and its requests refused to a caller without the gateway's credential.
 * A service's test extends it under {@code @MicronautTest}, implements {@code TestPropertyProvider} (with
 * {@link #getProperties()} from here) and names its schema, migrations and guarded requests.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceStartContract {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String schema;
    private final List<String> migrations;
    private final List<Guarded> guarded;

    /** A request the service answers only to the gateway; {@code body} is a JSON body for a write, or null. */
    public record Guarded(String method, String path, String body) {
    }

    protected ServiceStartContract(String schema, List<String> migrations, Guarded... guarded) {
        this.schema = schema;
        this.migrations = List.copyOf(migrations);
        this.guarded = List.of(guarded);
    }

    /** The class's share of the servers, as Micronaut's {@code TestPropertyProvider} wants it. */
    public Map<String, String> getProperties() {
        return RealInfraExtension.forClass(getClass()).testProperties();
    }

    @Test
    public void aCallerWithoutTheGatewaysCredentialIsRefused(EmbeddedServer server) {
        guarded.forEach(call -> StrangerCalls.assertRefused(server.getURI(), call.method(), call.path(), call.body()));
    }

    @Test
    public void healthIsUpAgainstRealServers(EmbeddedServer server, JsonMapper json)
            throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(server.getURI().resolve("/health"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response::body);
        Map<String, Object> body = json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        assertEquals("UP", body.get("status"), () -> "health: " + body);
        Map<?, ?> details = (Map<?, ?>) body.get("details");
        assertEquals("UP", ((Map<?, ?>) details.get("jdbc")).get("status"), () -> "health: " + body);
        assertEquals("UP", ((Map<?, ?>) details.get("kafka")).get("status"), () -> "health: " + body);
    }

    @Test
    public void migrationsRanInTheServiceSchema() throws SQLException {
        List<String> applied = RealInfraExtension.forClass(getClass()).appliedMigrations(schema);
        assertTrue(applied.containsAll(migrations), () -> "applied: " + applied);
    }
}
