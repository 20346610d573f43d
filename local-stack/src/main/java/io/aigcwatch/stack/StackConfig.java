package io.aigcwatch.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What the launcher was asked for, read once from the environment and system properties.
 *
 * @param home         where PostgreSQL, Kafka, logs, the API key file and the lock live
 * @param repoRoot     the reactor root, under which the service jars are built
 * @param servicePorts the HTTP port of each service
 * @param postgresPort 0 picks a free port (tests only; the environment cannot ask for it)
 * @param kafkaPort    0 picks a free port (tests only)
 * @param apiKeys      AIGCWATCH_API_KEYS when the user set it; otherwise the stack keeps its own key file
 */
record StackConfig(Path home, Path repoRoot, Map<Service, Integer> servicePorts, int postgresPort, int kafkaPort,
                   Optional<String> apiKeys) {

    static final String REPO_PROPERTY = "aigcwatch.repo";

    StackConfig {
        servicePorts = Map.copyOf(servicePorts);
    }

    static StackConfig from(Map<String, String> env, Properties properties, Path workingDirectory) {
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        Path home = Optional.ofNullable(blankToNull(env.get("AIGCWATCH_HOME")))
                .map(cwd::resolve).orElse(cwd.resolve(".aigcwatch")).normalize();
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, port(env, service.portVariable(), service.defaultPort()));
        }
        return new StackConfig(home, repoRoot(properties, cwd), ports,
                port(env, "AIGCWATCH_POSTGRES_PORT", 5433), port(env, "AIGCWATCH_KAFKA_PORT", 9092),
                Optional.ofNullable(blankToNull(env.get("AIGCWATCH_API_KEYS"))));
    }

    int port(Service service) {
        return servicePorts.get(service);
    }

    Path jar(Service service) {
        return repoRoot.resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
    }

    Path logs() {
        return home.resolve("logs");
    }

    private static int port(Map<String, String> env, String variable, int fallback) {
        String value = blankToNull(env.get(variable));
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the variable's name
        }
        throw new StackException(variable + "=" + value + " is not a port number (1-65535)");
    }

    /** The -D property wins (the script passes it); otherwise the nearest directory above that holds the reactor. */
    private static Path repoRoot(Properties properties, Path cwd) {
        String named = blankToNull(properties.getProperty(REPO_PROPERTY));
        if (named != null) {
            Path root = cwd.resolve(named).normalize();
            if (!isRepoRoot(root)) {
                throw new StackException("-D" + REPO_PROPERTY + "=" + named + " is not the aigcwatch repository"
                        + " (no pom.xml and local-stack/ there)");
            }
            return root;
        }
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (isRepoRoot(dir)) {
                return dir;
            }
        }
        throw new StackException("cannot find the aigcwatch repository above " + cwd
                + ": run from inside it, or pass -D" + REPO_PROPERTY + "=DIR");
    }

    private static boolean isRepoRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("local-stack"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
