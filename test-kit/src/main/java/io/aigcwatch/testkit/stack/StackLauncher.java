package io.aigcwatch.testkit.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The local stack's launcher in a JVM of its own, as {@code ./aigcwatch up} runs it, for tests that watch it from
 * outside: on ports of the test's choosing, in a home of its own, stopped as a user stops it.
 */
public final class StackLauncher {
    /** The launcher's own property: the reactor root, under which it finds the service jars. */
    public static final String REPO_PROPERTY = "aigcwatch.repo";
    private static final String BANNER = "local stack is up";

    private StackLauncher() {
    }

    /**
     * Starts {@code java -Daigcwatch.repo=REPO PROGRAM...}. Only the given AIGCWATCH_ variables reach it: a
     * developer's own exports must not steer a test's stack.
     *
     * @param program what follows the repository property: {@code -cp CLASSPATH MAIN} or {@code -jar JAR}
     */
    public static Process launch(Path repo, List<String> program, Map<String, String> env, Path output)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-D" + REPO_PROPERTY + "=" + repo));
        command.addAll(program);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AIGCWATCH_"));
        environment.putAll(new HashMap<>(env));
        return builder.start();
    }

    /**
     * A fresh home and a port for every service the launcher runs, then for PostgreSQL and Kafka.
     *
     * @param services the services' names as in their port variables ({@code FUNDING} for AIGCWATCH_FUNDING_PORT)
     * @param ports    at least {@code services.size() + 2}
     */
    public static Map<String, String> environment(Path home, List<String> services, List<Integer> ports) {
        Map<String, String> env = new HashMap<>();
        env.put("AIGCWATCH_HOME", home.toString());
        for (int i = 0; i < services.size(); i++) {
            env.put("AIGCWATCH_" + services.get(i) + "_PORT", ports.get(i).toString());
        }
        env.put("AIGCWATCH_POSTGRES_PORT", ports.get(services.size()).toString());
        env.put("AIGCWATCH_KAFKA_PORT", ports.get(services.size() + 1).toString());
        return env;
    }

    /** Until the banner says the stack is up; fails at once, with what the launcher said, if it exits first. */
    public static void awaitUp(Process launcher, Path output, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!launcher.isAlive()) {
                fail("the launcher exited with " + launcher.exitValue() + ":\n" + Files.readString(output));
            }
            return Files.readString(output).contains(BANNER);
        });
    }

    /** SIGTERM, so the launcher stops the services, Kafka and PostgreSQL in order; then kills what is left. */
    public static void stop(Process launcher, Duration timeout) throws InterruptedException {
        List<ProcessHandle> services = launcher.descendants().toList();
        launcher.destroy();
        if (!launcher.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
        }
        services.forEach(ProcessHandle::destroyForcibly);
    }

    /** {@link #stop}, for a close(): an interrupt kills the launcher at once and keeps the thread interrupted. */
    public static void stopOrKill(Process launcher, Duration timeout) {
        try {
            stop(launcher, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            launcher.destroyForcibly();
        }
    }
}
