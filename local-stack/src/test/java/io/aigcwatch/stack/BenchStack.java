package io.aigcwatch.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole suite as {@code ./aigcwatch up} runs it (embedded PostgreSQL and Kafka, each service its own JVM), on
 * free ports and in a fresh home, for benchmarks that must measure the real thing end to end.
 */
public final class BenchStack implements AutoCloseable {
    private final StackConfig config;
    private final RunningStack stack;

    private BenchStack(StackConfig config, RunningStack stack) {
        this.config = config;
        this.stack = stack;
    }

    /** @param apiKeys the gateway's AIGCWATCH_API_KEYS */
    public static BenchStack start(String apiKeys, PrintStream progress) throws IOException {
        Path home = Files.createTempDirectory("aigcwatch-bench");
        Map<String, String> env = new HashMap<>();
        env.put("AIGCWATCH_HOME", home.toString());
        env.put("AIGCWATCH_API_KEYS", apiKeys);
        env.put("AIGCWATCH_POSTGRES_PORT", Integer.toString(freePort()));
        env.put("AIGCWATCH_KAFKA_PORT", Integer.toString(freePort()));
        for (Service service : Service.values()) {
            env.put(service.portVariable(), Integer.toString(freePort()));
        }
        StackConfig config = StackConfig.from(env, System.getProperties(), Path.of(""));
        System.setProperty("aigcwatch.logs", config.logs().toString());
        System.setProperty("logback.configurationFile", "local-stack-logback.xml");
        RunningStack stack = new RunningStack(config, HomeLock.acquire(config.home()), progress);
        // a benchmark stopped with Ctrl-C must not leave five service JVMs behind
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stack-stop"));
        try {
            stack.start(ApiKeys.fromEnvironment(apiKeys));
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return new BenchStack(config, stack);
    }

    public URI gateway() {
        return uri(Service.GATEWAY);
    }

    public URI funding() {
        return uri(Service.FUNDING);
    }

    /** The header a direct caller of a backend must send, as the gateway does. */
    public Map<String, String> internalCredential() {
        return Map.of("X-Aigcwatch-Internal-Credential", InternalCredentialFile.loadOrCreate(config.home()));
    }

    public Path logs() {
        return config.logs();
    }

    private URI uri(Service service) {
        return URI.create("http://localhost:" + config.port(service));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
