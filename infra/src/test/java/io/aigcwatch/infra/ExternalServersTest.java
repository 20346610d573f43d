package io.aigcwatch.infra;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExternalServersTest {

    @Test
    void externalPostgresUrlsAreRewrittenPerDatabase() {
        PostgresServer postgres = ExternalServers.postgres(Map.of(
                "AIGCWATCH_POSTGRES_URL", "jdbc:postgresql://db:5432/aigcwatch?sslmode=disable",
                "AIGCWATCH_POSTGRES_USER", "app"));
        assertEquals("jdbc:postgresql://db:5432/t1_x?sslmode=disable", postgres.jdbcUrl("t1_x"));
        assertEquals("aigcwatch", postgres.maintenanceDatabase());
        assertEquals("app", postgres.username());
    }

    @Test
    void bothVariablesMustBeSetAndNotBlank() {
        assertTrue(ExternalServers.namedIn(Map.of(
                "AIGCWATCH_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "AIGCWATCH_POSTGRES_URL", "jdbc:postgresql://db:5432/aigcwatch")));
        assertFalse(ExternalServers.namedIn(Map.of(
                "AIGCWATCH_KAFKA_BOOTSTRAP_SERVERS", " ",
                "AIGCWATCH_POSTGRES_URL", "jdbc:postgresql://db:5432/aigcwatch")));
    }

    @Test
    void aMissingVariableIsRefusedByName() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> ExternalServers.kafka(Map.of()));
        assertEquals("external servers need the environment variable AIGCWATCH_KAFKA_BOOTSTRAP_SERVERS",
                error.getMessage());
    }
}
