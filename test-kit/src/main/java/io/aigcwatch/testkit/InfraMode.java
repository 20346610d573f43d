package io.aigcwatch.testkit;

import io.aigcwatch.infra.ExternalServers;
import io.aigcwatch.infra.Servers;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Where the real servers of tests and benchmarks come from. The system property {@code aigcwatch.infra} decides
 * when it is set; otherwise servers named by the environment win, then a Docker engine that answers, then the
 * embedded binaries. The local stack needs no choice: it always runs the embedded servers.
 */
public enum InfraMode {
    EMBEDDED,
    TESTCONTAINERS,
    EXTERNAL;

    public static final String PROPERTY = "aigcwatch.infra";

    public static InfraMode choose(String override, Map<String, String> env, BooleanSupplier dockerAnswers) {
        if (override != null && !override.isBlank()) {
            try {
                return valueOf(override.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + override
                        + " is not one of embedded, testcontainers, external", e);
            }
        }
        if (ExternalServers.namedIn(env)) {
            return EXTERNAL;
        }
        return dockerAnswers.getAsBoolean() ? TESTCONTAINERS : EMBEDDED;
    }

    public static InfraMode fromEnvironment() {
        return choose(System.getProperty(PROPERTY), System.getenv(), ContainerServers::dockerAnswers);
    }

    /**
     * Starts (or connects to) this mode's servers.
     *
     * @param home    where embedded servers keep their data
     * @param ports   fixed ports for embedded servers; {@link Servers.Ports#ANY} picks free ones
     * @param durable whether embedded PostgreSQL must survive a crash, as a benchmark's bulk load needs, or not
     */
    public Servers start(Path home, Servers.Ports ports, boolean durable) {
        return switch (this) {
            case EMBEDDED -> Servers.embedded(home, ports, durable);
            case TESTCONTAINERS -> Servers.start("Testcontainers", ContainerServers::postgres, ContainerServers::kafka);
            case EXTERNAL -> Servers.external(System.getenv());
        };
    }
}
