package io.aigcwatch.testkit;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InfraModeTest {
    private static final Map<String, String> EXTERNAL_ENV = Map.of(
            "AIGCWATCH_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
            "AIGCWATCH_POSTGRES_URL", "jdbc:postgresql://db:5432/aigcwatch");

    @Test
    void theSystemPropertyWinsOverEverything() {
        assertEquals(InfraMode.EMBEDDED, InfraMode.choose("embedded", EXTERNAL_ENV, () -> true));
        assertEquals(InfraMode.TESTCONTAINERS, InfraMode.choose("TestContainers", Map.of(), () -> false));
    }

    @Test
    void serversNamedInTheEnvironmentComeBeforeDocker() {
        assertEquals(InfraMode.EXTERNAL, InfraMode.choose(null, EXTERNAL_ENV, () -> true));
    }

    @Test
    void dockerIsUsedWhereItAnswersAndEmbeddedOtherwise() {
        assertEquals(InfraMode.TESTCONTAINERS, InfraMode.choose("", Map.of(), () -> true));
        assertEquals(InfraMode.EMBEDDED, InfraMode.choose(null, Map.of(), () -> false));
    }

    @Test
    void onlyOneOfTheTwoVariablesIsNotEnough() {
        assertEquals(InfraMode.EMBEDDED, InfraMode.choose(null,
                Map.of("AIGCWATCH_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"), () -> false));
    }

    @Test
    void anUnknownModeIsRefusedByName() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> InfraMode.choose("docker", Map.of(), () -> false));
        assertEquals("-Daigcwatch.infra=docker is not one of embedded, testcontainers, external", error.getMessage());
    }
}
