package io.aigcwatch.testkit;

import io.aigcwatch.infra.KafkaServer;
import io.aigcwatch.infra.PostgresServer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** PostgreSQL and Kafka in containers, for machines where a Docker engine answers. Image tags are pinned. */
final class ContainerServers {
    static final String POSTGRES_IMAGE = "postgres:17.2-alpine";
    static final String KAFKA_IMAGE = "apache/kafka:3.9.1";

    private ContainerServers() {
    }

    static boolean dockerAnswers() {
        if (!dockerConfigured()) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Asking Testcontainers where no engine can be found logs a page of errors; skip it when nothing even points
     * at an engine: no DOCKER_HOST, no local socket, no Testcontainers configuration.
     */
    private static boolean dockerConfigured() {
        return System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
    }

    static PostgresServer postgres() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse(POSTGRES_IMAGE));
        container.start();
        return new PostgresServer() {
            @Override
            public String jdbcUrl(String database) {
                return "jdbc:postgresql://" + container.getHost() + ":" + container.getFirstMappedPort() + "/" + database;
            }

            @Override
            public String username() {
                return container.getUsername();
            }

            @Override
            public String password() {
                return container.getPassword();
            }

            @Override
            public void close() {
                container.stop();
            }
        };
    }

    static KafkaServer kafka() {
        KafkaContainer container = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
        container.start();
        return new KafkaServer() {
            @Override
            public String bootstrapServers() {
                return container.getBootstrapServers();
            }

            @Override
            public void close() {
                container.stop();
            }
        };
    }
}
