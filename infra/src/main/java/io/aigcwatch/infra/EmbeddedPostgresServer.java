package io.aigcwatch.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** A real PostgreSQL server from zonky's binaries, run as a child process. */
final class EmbeddedPostgresServer implements PostgresServer {
    private static final List<String> DURABILITY_SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes");

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param durable true for data that must survive a crash of the machine (the local stack): fsync,
     *                synchronous_commit and full_page_writes on. False only for throwaway test data, which runs
     *                much faster with all three off.
     */
    static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean durable) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!durable)
                    .setPort(port)
                    .setServerConfig("max_connections", "300");
            // Set both ways, never left to the defaults: zonky's are a test database's, fsync off (it starts the
            // postmaster with -F, which a later -c overrides) and synchronous_commit off.
            String safety = durable ? "on" : "off";
            for (String setting : DURABILITY_SETTINGS) {
                builder.setServerConfig(setting, safety);
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    @Override
    public String username() {
        return "postgres";
    }

    @Override
    public String password() {
        return "postgres";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
