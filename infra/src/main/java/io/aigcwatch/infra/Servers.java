package io.aigcwatch.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;

/**
 * A PostgreSQL server and a Kafka broker, wherever they come from (see {@link InfraMode}). Closing stops the broker
 * first, then PostgreSQL; whoever runs Micronaut contexts against them closes those before this.
 */
public final class Servers implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Servers.class);

    private final InfraMode mode;
    private final PostgresServer postgres;
    private final KafkaServer kafka;

    private Servers(InfraMode mode, PostgresServer postgres, KafkaServer kafka) {
        this.mode = mode;
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /**
     * Starts (or connects to) both servers.
     *
     * @param home     where embedded servers keep their data
     * @param ports    fixed ports for embedded servers; {@link Ports#ANY} picks free ones
     * @param durable  whether embedded PostgreSQL must survive a crash (the local stack) or not (tests)
     */
    public static Servers start(InfraMode mode, Path home, Ports ports, boolean durable) {
        long started = System.nanoTime();
        Servers servers = switch (mode) {
            case EMBEDDED -> new Servers(mode,
                    EmbeddedPostgresServer.start(home.resolve("postgres"), ports.postgres(), durable),
                    EmbeddedKafkaBroker.start(home.resolve("kafka"), ports.kafka()));
            case TESTCONTAINERS -> new Servers(mode, ContainerServers.postgres(), ContainerServers.kafka());
            case EXTERNAL -> {
                Map<String, String> env = System.getenv();
                yield new Servers(mode, ExternalServers.postgres(env), ExternalServers.kafka(env));
            }
        };
        LOG.info("{} servers ready in {} ms: Kafka at {}, PostgreSQL at {}", mode,
                (System.nanoTime() - started) / 1_000_000, servers.kafka.bootstrapServers(),
                servers.postgres.jdbcUrl(servers.postgres.maintenanceDatabase()));
        return servers;
    }

    public InfraMode mode() {
        return mode;
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
