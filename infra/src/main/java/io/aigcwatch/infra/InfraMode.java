package io.aigcwatch.infra;

import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Where the real servers come from. The system property {@code aigcwatch.infra} decides when it is set; otherwise
 * servers named by the environment win, then a Docker engine that answers, then the embedded binaries.
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
}
