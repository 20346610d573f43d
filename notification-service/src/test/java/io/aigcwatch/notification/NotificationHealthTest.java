package io.aigcwatch.notification;

import io.aigcwatch.testkit.StrangerCalls;
import io.aigcwatch.notification.support.NotificationService;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service starts against a real PostgreSQL and Kafka, migrates its own schema and reports itself healthy. */
@ExtendWith(RealInfraExtension.class)
class NotificationHealthTest {

    @Test
    void healthyWithTheKitsMigrationsAndItsOwnInTheNotificationSchema(TestInfra infra) throws SQLException, IOException {
        try (NotificationService service = NotificationService.start(infra, Map.of())) {
            HttpResponse<String> response = service.send(service.request("/health").GET().build());

            assertEquals(200, response.statusCode(), response::body);
            Map<String, Object> health = service.context().getBean(JsonMapper.class)
                    .readValue(response.body(), Argument.mapOf(String.class, Object.class));
            Map<?, ?> details = (Map<?, ?>) health.get("details");
            assertEquals("UP", ((Map<?, ?>) details.get("jdbc")).get("status"), response::body);
            assertEquals("UP", ((Map<?, ?>) details.get("kafka")).get("status"), response::body);
            List<String> applied = infra.appliedMigrations("notification");
            assertTrue(applied.containsAll(List.of("0.1", "0.2", "1")), () -> "applied: " + applied);
            // only the gateway may call it: the caller headers it trusts are the gateway's word
            StrangerCalls.assertRefused(service.uri(), "GET", "/webhooks", null);
            StrangerCalls.assertRefused(service.uri(), "POST", "/webhooks", "{\"url\": \"https://1.1.1.1/hook\"}");
        }
    }
}
