package io.aigcwatch.stack.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/** The broker's JVM, started from this JVM's class path; each start is a new process with a log of its own. */
final class BrokerNode implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path directory;
    private final int port;
    private final Path logs;
    private int lives;
    private Process process;

    BrokerNode(Path directory, int port, Path logs) {
        this.directory = directory;
        this.port = port;
        this.logs = logs;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Returns once the broker says it is ready; fails if it dies first. */
    void start() {
        lives++;
        Path log = logs.resolve("kafka." + lives + ".log");
        try {
            Files.createDirectories(logs);
            Process started = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), BrokerMain.class.getName(),
                    directory.toString(), Integer.toString(port)))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            started.getOutputStream().close();
            process = started;
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!started.isAlive()) {
                    throw new IllegalStateException("the broker exited with code " + started.exitValue()
                            + "; see " + log);
                }
                return Files.readString(log, StandardCharsets.UTF_8).contains(BrokerMain.READY);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the broker", e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** SIGTERM, as an operator stops a broker: it closes its logs and leaves its partitions cleanly. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        UnixSignal.send(process.pid(), "TERM");
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
