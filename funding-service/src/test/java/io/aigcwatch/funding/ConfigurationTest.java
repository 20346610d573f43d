package io.aigcwatch.funding;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** funding-service's application.yml holds only its own settings, over the ones service-kit gives every service. */
class ConfigurationTest {

    @Test
    void sharedSettingsArriveAndItsOwnWin() {
        try (ApplicationContext context = ApplicationContext.builder().build()) {
            Environment environment = context.getEnvironment().start();

            assertEquals("funding", environment.getRequiredProperty("datasources.default.schema", String.class));
            assertEquals("funding", environment.getRequiredProperty("flyway.datasources.default.schemas", String.class));
            assertEquals(20, environment.getRequiredProperty("datasources.default.maximum-pool-size", Integer.class));
            assertEquals(2, environment.getRequiredProperty("datasources.default.minimum-idle", Integer.class));
            assertEquals(8081, environment.getRequiredProperty("micronaut.server.port", Integer.class));
        }
    }
}
