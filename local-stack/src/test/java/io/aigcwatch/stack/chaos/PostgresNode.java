package io.aigcwatch.stack.chaos;

import io.aigcwatch.infra.PostgresServer;
import io.aigcwatch.infra.Servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The local stack's PostgreSQL (infra's embedded server, durable as the stack runs it), whose postmaster the suite
 * kills with SIGKILL and starts again on the same data directory and port, where it recovers from its WAL.
 */
final class PostgresNode implements AutoCloseable {
    static final String DATABASE = "aigcwatch";

    private final Path directory;
    private final int port;
    private PostgresServer server;

    PostgresNode(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    void start() {
        server = Servers.embeddedPostgres(directory, port, true);
        server.ensureDatabase(DATABASE);
    }

    String jdbcUrl() {
        return server.jdbcUrl(DATABASE);
    }

    String username() {
        return server.username();
    }

    String password() {
        return server.password();
    }

    /**
     * kill -9 of the postmaster. Returns once its backends and helpers, which notice their parent's death and exit on
     * their own, are gone too: until then a new postmaster would refuse the shared memory they still hold.
     */
    void kill() {
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid())
                .orElseThrow(() -> new IllegalStateException("the postmaster of " + directory + " is not running"));
        List<ProcessHandle> family = new ArrayList<>(postmaster.descendants().toList());
        family.add(postmaster);
        UnixSignal.send(postmaster.pid(), "KILL");
        await().atMost(Duration.ofSeconds(60)).until(() -> family.stream().noneMatch(ProcessHandle::isAlive));
    }

    /** Starts again on the same data directory and port, after closing the dead server's handle and its lock. */
    void restart() {
        closeQuietly();
        start();
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the postmaster's pid in " + directory, e);
        }
    }

    private void closeQuietly() {
        try {
            server.close();
        } catch (RuntimeException e) {
            // a dead postmaster cannot be stopped; the handle still lets go of its lock
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
