package io.aigcwatch.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A PostgreSQL server and a Kafka broker: embedded, external, or from wherever a caller starts them. Closing stops
 * the broker first, then PostgreSQL; whoever runs Micronaut contexts against them closes those before this.
 */
public final class Servers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Servers.class);

    private final PostgresServer postgres;
    private final KafkaServer kafka;

    private Servers(PostgresServer postgres, KafkaServer kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /**
     * Starts zonky's PostgreSQL binaries as a child process and a KRaft broker inside this JVM.
     *
     * @param home     where the servers keep their data
     * @param ports    fixed ports; {@link Ports#ANY} picks free ones
     * @param durable  whether PostgreSQL must survive a crash (the local stack) or not (tests)
     */
    public static Servers embedded(Path home, Ports ports, boolean durable) {
        return start("embedded",
                () -> embeddedPostgres(home.resolve("postgres"), ports.postgres(), durable),
                () -> embeddedKafka(home.resolve("kafka"), ports.kafka()));
    }

    /**
     * Only the PostgreSQL of {@link #embedded}, for a caller that runs the broker in another process and stops each
     * server on its own, as the chaos suite does. Its postmaster writes its pid to {@code postmaster.pid} there.
     *
     * @param port a fixed port, or 0 for any free one
     */
    public static PostgresServer embeddedPostgres(Path directory, int port, boolean durable) {
        return EmbeddedPostgresServer.start(directory, port, durable);
    }

    /**
     * Only the KRaft broker of {@link #embedded}, in this JVM; the chaos suite runs it alone in a JVM of its own, so
     * that it can stop and start it on the same log directory while everything else runs on.
     *
     * @param port a fixed port, or 0 for any free one
     */
    public static KafkaServer embeddedKafka(Path directory, int port) {
        return EmbeddedKafkaBroker.start(directory, port);
    }

    /** Connects to servers somebody else runs, named by {@code AIGCWATCH_*} variables in {@code env}. */
    public static Servers external(Map<String, String> env) {
        return start("external", () -> ExternalServers.postgres(env), () -> ExternalServers.kafka(env));
    }

    /**
     * Starts PostgreSQL, then Kafka, with the given starters: how servers this module does not know, such as the
     * test kit's containers, become {@code Servers}.
     *
     * @param origin where the servers come from, for the log
     */
    public static Servers start(String origin, Supplier<? extends PostgresServer> postgres,
                                Supplier<? extends KafkaServer> kafka) {
        long started = System.nanoTime();
        Servers servers = new Servers(postgres.get(), kafka.get());
        LOG.info("{} servers ready in {} ms: Kafka at {}, PostgreSQL at {}", origin,
                (System.nanoTime() - started) / 1_000_000, servers.kafka.bootstrapServers(),
                servers.postgres.jdbcUrl(servers.postgres.maintenanceDatabase()));
        return servers;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaServer kafka() {
        return kafka;
    }

    /** The configuration a Micronaut service needs to run against {@code database} on these servers. */
    public Map<String, Object> serviceProperties(String database, String topicPrefix) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put("datasources.default.url", postgres.jdbcUrl(database));
        properties.put("datasources.default.username", postgres.username());
        properties.put("datasources.default.password", postgres.password());
        properties.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        properties.put("aigcwatch.kafka.topic-prefix", topicPrefix);
        return properties;
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }

    /** Ports of the embedded servers; 0 means any free port. */
    public record Ports(int postgres, int kafka) {
        public static final Ports ANY = new Ports(0, 0);
    }
}
