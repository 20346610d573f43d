package io.aigcwatch.gateway;

import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.StubService;
import io.aigcwatch.kit.inbox.Inbox;
import io.aigcwatch.kit.outbox.Outbox;
import io.aigcwatch.testkit.RealInfraExtension;
import io.micronaut.core.reflect.ClassUtils;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway holds no state: it starts and routes with no datasource configured, and has no DataSource, no JDBC
 * operations and no migrations. service-kit's outbox and inbox beans, which need a DataSource, stay off.
 */
@ExtendWith(RealInfraExtension.class)
class GatewayStatelessTest {

    @Test
    void startsAndRoutesWithoutADatabase() {
        try (StubService funding = StubService.start();
             Gateway gateway = Gateway.start(Map.of("funding", funding.url()), Map.of())) {
            assertTrue(gateway.context().getProperties("datasources").isEmpty(), "no datasource is configured");
            assertFalse(gateway.context().containsBean(DataSource.class), "no DataSource bean");
            assertFalse(gateway.context().containsBean(JdbcOperations.class), "no JDBC operations");
            assertFalse(gateway.context().containsBean(Outbox.class), "no outbox");
            assertFalse(gateway.context().containsBean(Inbox.class), "no inbox");

            HttpResponse<String> health = gateway.getAnonymously("/health");
            assertEquals(200, health.statusCode(), health::body);
            assertFalse(health.body().contains("jdbc"), health::body);
            assertEquals(200, gateway.get("/api/funding-events/1").statusCode());
        }
    }

    @Test
    void nothingCouldMakeADatabaseConnection() {
        for (String persistence : List.of("org.flywaydb.core.Flyway", "com.zaxxer.hikari.HikariDataSource",
                "io.micronaut.configuration.jdbc.hikari.DatasourceFactory")) {
            assertFalse(ClassUtils.isPresent(persistence, getClass().getClassLoader()), persistence);
        }
    }
}
