package io.aigcwatch.testkit.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole local stack, started from its packaged jar ({@code local-stack/target/local-stack.jar}, as
 * {@code ./aigcwatch up} runs it) on free ports, in a fresh home under the module's {@code target}: every service
 * jar, embedded PostgreSQL and Kafka, the seed data and the stack's own API keys.
 */
public final class LocalStackRun implements AutoCloseable {
    /** The services the launcher runs, as named in their port variables. */
    public static final List<String> SERVICES = List.of("FUNDING", "VALUATION", "MARKET", "NOTIFICATION", "GATEWAY");
    private static final Pattern JDBC_URL = Pattern.compile("(jdbc:postgresql://\\S+)\\s+\\(user (\\S+)\\)");
    /** The embedded server's; the banner names the user only. */
    private static final String POSTGRES_PASSWORD = "postgres";
    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration STOP = Duration.ofMinutes(2);

    private final Process launcher;
    private final Path output;
    private final URI gateway;
    private final Map<String, String> keysByScopes;
    private final Matcher database;
    private final List<Integer> ports;

    private LocalStackRun(Process launcher, Path output, URI gateway, Map<String, String> keysByScopes,
                          Matcher database, List<Integer> ports) {
        this.launcher = launcher;
        this.output = output;
        this.gateway = gateway;
        this.keysByScopes = keysByScopes;
        this.database = database;
        this.ports = ports;
    }

    /**
     * @param repo the reactor root, whose service jars and launcher jar are packaged
     * @param dir      emptied first; the home, logs and the launcher's output stay there after the run, for a look
     * @param settings more AIGCWATCH_ variables for the launcher and the services it runs
     */
    public static LocalStackRun start(Path repo, Path dir, Map<String, String> settings) throws IOException {
        Path jar = repo.resolve("local-stack").resolve("target").resolve("local-stack.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package local-stack first (the module that runs"
                    + " this test must depend on it, type pom, scope test)");
        }
        deleteRecursively(dir);
        Path home = Files.createDirectories(dir).resolve("home");
        List<Integer> ports = FreePorts.take(SERVICES.size() + 2);
        Path output = dir.resolve("launcher.out");
        Map<String, String> env = new HashMap<>(settings);
        env.putAll(StackLauncher.environment(home, SERVICES, ports));
        Process launcher = StackLauncher.launch(repo, List.of("-jar", jar.toString()), env, output);
        try {
            StackLauncher.awaitUp(launcher, output, START);
            Matcher database = JDBC_URL.matcher(Files.readString(output));
            if (!database.find()) {
                throw new IllegalStateException("the banner names no PostgreSQL URL:\n" + Files.readString(output));
            }
            return new LocalStackRun(launcher, output, URI.create("http://localhost:" + ports.get(
                    SERVICES.indexOf("GATEWAY"))), keys(home.resolve("api-keys")), database, ports);
        } catch (RuntimeException | IOException e) {
            stop(launcher);
            throw e;
        }
    }

    /** The gateway's root: the public API is under {@code /api}. */
    public URI gateway() {
        return gateway;
    }

    /**
     * A service's own root, for what a benchmark watches from outside, such as its {@code /prometheus} (open to a
     * loopback scraper); the API itself needs the internal credential there, so go through {@link #gateway}.
     *
     * @param service as named in its port variable: FUNDING, VALUATION, MARKET, NOTIFICATION or GATEWAY
     */
    public URI service(String service) {
        int index = SERVICES.indexOf(service);
        if (index < 0) {
            throw new IllegalArgumentException("no service " + service + "; the stack runs " + SERVICES);
        }
        return URI.create("http://localhost:" + ports.get(index));
    }

    /** The stack's Kafka, for an admin client that reads consumer-group lag. */
    public String kafkaBootstrap() {
        return "localhost:" + ports.get(SERVICES.size() + 1);
    }

    public String adminKey() {
        return key("read+write+admin");
    }

    public String readKey() {
        return key("read");
    }

    /** To the stack's database, where each service keeps its tables in a schema of its own. */
    public Connection database() throws SQLException {
        return DriverManager.getConnection(database.group(1), database.group(2), POSTGRES_PASSWORD);
    }

    /** The launcher's process, whose children are PostgreSQL and the services, for a benchmark's CPU count. */
    public ProcessHandle launcher() {
        return launcher.toHandle();
    }

    /** What the launcher printed, for a failure's message. */
    public String launcherOutput() {
        try {
            return Files.readString(output);
        } catch (IOException e) {
            return "(cannot read " + output + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        stop(launcher);
    }

    private String key(String scopes) {
        String key = keysByScopes.get(scopes);
        if (key == null) {
            throw new IllegalStateException("the stack's key file has no " + scopes + " key: " + keysByScopes.keySet());
        }
        return key;
    }

    /** The key file the stack made on its first start: {@code KEY=SCOPES} a line. */
    private static Map<String, String> keys(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(String::trim)
                .filter(line -> line.contains("=") && !line.startsWith("#"))
                .collect(Collectors.toMap(line -> line.substring(line.indexOf('=') + 1),
                        line -> line.substring(0, line.indexOf('=')), (first, second) -> first));
    }

    private static void stop(Process launcher) {
        StackLauncher.stopOrKill(launcher, STOP);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
