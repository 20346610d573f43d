package io.aigcwatch.kit.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The environment is started without the beans: Flyway would otherwise reach for a database at start-up. */
class SharedConfigurationTest {

    @Test
    void everyContextGetsTheSharedSettings() {
        try (ApplicationContext context = ApplicationContext.builder().build()) {
            Environment environment = context.getEnvironment().start();

            assertEquals(10000, environment.getRequiredProperty("kafka.consumers.default.session.timeout.ms",
                    Integer.class));
            assertEquals(65536, environment.getRequiredProperty("micronaut.server.max-request-size", Integer.class));
        }
    }

    @Test
    void theServiceNamesItsSchemaOnceForDatasourceAndFlyway() {
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("aigcwatch.service.schema", "ledger")).build()) {
            Environment environment = context.getEnvironment().start();

            assertEquals("ledger", environment.getRequiredProperty("datasources.default.schema", String.class));
            assertEquals("ledger", environment.getRequiredProperty("flyway.datasources.default.default-schema",
                    String.class));
        }
    }

    @Test
    void aServicesOwnFileOverridesTheSharedOne() {
        // application.yml is read at -300; this stands in for it
        PropertySource applicationYml = PropertySource.of("application",
                Map.of("kafka.consumers.default.session.timeout.ms", 45000), -300);
        try (ApplicationContext context = ApplicationContext.builder().propertySources(applicationYml).build()) {
            Environment environment = context.getEnvironment().start();

            assertEquals(45000, environment.getRequiredProperty("kafka.consumers.default.session.timeout.ms",
                    Integer.class));
        }
    }
}
