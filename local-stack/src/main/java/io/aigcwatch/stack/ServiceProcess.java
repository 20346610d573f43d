package io.aigcwatch.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One service running in its own JVM, with its output in its own log file. */
final class ServiceProcess {
    private static final Duration POLL = Duration.ofMillis(250);
    /** However busy its log, a start that takes longer than this is not going to finish. */
    static final Duration LONGEST_START = Duration.ofMinutes(30);
    private static final int TAIL_BYTES = 8192;
    private static final int TAIL_LINES = 40;

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static ServiceProcess start(String name, int port, List<String> command, Map<String, String> env, Path log) {
        return start(name, port, command, env, log, false);
    }

    /**
     * @param restart whether this starts the service again after a crash: then the log goes on in the same file,
     *                so that what the service said before it died stays next to what it says now. A start of the
     *                stack keeps the previous run's log one generation back instead, to compare a failed start with
     *                the last one.
     */
    static ServiceProcess start(String name, int port, List<String> command, Map<String, String> env, Path log,
                                boolean restart) {
        try {
            Files.createDirectories(log.getParent());
            if (!restart && Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(log, "# " + Instant.now() + (restart ? " restart after a crash: " : " ")
                    + String.join(" ", command) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            return new ServiceProcess(name, port, log, process);
        } catch (IOException e) {
            throw new StackException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    URI healthUri() {
        return URI.create("http://127.0.0.1:" + port + "/health");
    }

    /**
     * Polls GET /health until it answers 200; fails at once if the process dies first. {@code quiet} is how long a
     * starting service may go without answering <em>and</em> without writing to its log: a service busy migrating a
     * large schema (a Flyway backfill over a million rounds takes minutes) logs its progress and is waited for, up
     * to {@link #LONGEST_START}; one that hangs silently fails after {@code quiet}.
     */
    void awaitHealthy(HttpClient http, Duration quiet) {
        long started = System.nanoTime();
        long cap = started + Math.max(quiet.toNanos(), LONGEST_START.toNanos());
        long deadline = started + quiet.toNanos();
        long logSize = logSize();
        HttpRequest request = HttpRequest.newBuilder(healthUri()).timeout(Duration.ofSeconds(2)).GET().build();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure(name + " exited with code " + process.exitValue() + " before it was healthy");
            }
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                // Alive after the owner check, so the pid was still this child's (not yet reaped, not reused).
                if (status == 200 && PortOwner.listensOn(process.pid(), port) && process.isAlive()) {
                    return;
                }
                last = status == 200 ? "HTTP 200, but from another process that holds port " + port : "HTTP " + status;
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + name);
            }
            waitForExit(POLL);
            long size = logSize();
            if (size != logSize) {
                logSize = size;
                deadline = Math.min(cap, Math.max(deadline, System.nanoTime() + quiet.toNanos()));
            }
        }
        long waited = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        throw failure(name + " did not answer GET " + healthUri() + " with 200 within " + waited + " s, the last "
                + quiet.toSeconds() + " s of them without a line in its log (last: " + last + ")");
    }

    private long logSize() {
        try {
            return Files.size(log);
        } catch (IOException e) {
            return -1;
        }
    }

    /** SIGTERM, so the service closes its Kafka clients and connections itself; SIGKILL only after the grace. */
    void requestStop() {
        process.destroy();
    }

    /** SIGKILL, for a service that hangs: nothing it would do on a SIGTERM is worth waiting for. */
    void kill() {
        process.destroyForcibly();
    }

    /** @return whether the service exited by itself within the grace, rather than being killed */
    boolean awaitStop(Duration grace) {
        if (waitForExit(grace)) {
            return true;
        }
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(5));
        return false;
    }

    private boolean waitForExit(Duration timeout) {
        try {
            // Waiting on the exit doubles as the poll interval, and wakes early when the process dies.
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }

    private StackException failure(String what) {
        return new StackException(what + ". Last lines of " + log + ":\n" + tail());
    }

    /** The log's last line, shortened to fit a terminal line. */
    String lastLine() {
        List<String> lines = tail().lines().filter(line -> !line.isBlank()).toList();
        String line = lines.isEmpty() ? "(nothing yet)" : lines.get(lines.size() - 1);
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }

    String tail() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }
}
