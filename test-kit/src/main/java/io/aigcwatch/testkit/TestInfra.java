package io.aigcwatch.testkit;

import io.aigcwatch.infra.Servers;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one test class sees of the shared servers: a database of its own and a topic prefix of its own, so that
 * classes never see each other's rows or messages.
 *
 * @param database    the class's own database
 * @param topicPrefix prepended to every topic name the services use (property {@code aigcwatch.kafka.topic-prefix})
 */
public record TestInfra(Servers servers, String database, String topicPrefix) {

    public String jdbcUrl() {
        return servers.postgres().jdbcUrl(database);
    }

    public String bootstrapServers() {
        return servers.kafka().bootstrapServers();
    }

    /** {@code topic} as this class's services name it. */
    public String topic(String topic) {
        return topicPrefix + topic;
    }

    /**
     * The configuration a Micronaut service needs to run against this class's share of the servers, with the
     * {@link TestCredential} it demands of every caller.
     */
    public Map<String, Object> serviceProperties() {
        Map<String, Object> properties = new LinkedHashMap<>(servers.serviceProperties(database, topicPrefix));
        properties.put(TestCredential.PROPERTY, TestCredential.VALUE);
        return properties;
    }

    /**
     * {@link #serviceProperties()} as Micronaut's {@code TestPropertyProvider} wants them: strings, and a random
     * HTTP port, since application.yml names a fixed one that a running stack or another build may hold.
     */
    public Map<String, String> testProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        serviceProperties().forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put("micronaut.server.port", "-1");
        return properties;
    }

    /**
     * A service's migrations (and service-kit's) into {@code schema} of the class's database, up to {@code target}
     * or to the latest when null: a migration test stops at the version before the one it checks, writes rows as that
     * version stored them, then migrates on.
     */
    public Flyway migrations(String schema, String target) {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(jdbcUrl(), servers.postgres().username(), servers.postgres().password())
                .schemas(schema).defaultSchema(schema).createSchemas(true).outOfOrder(true)
                .locations("classpath:db/kit", "classpath:db/migration");
        return (target == null ? configuration : configuration.target(target)).load();
    }

    /** A plain JDBC connection to the class's own database, for asserting on what a service wrote. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), servers.postgres().username(), servers.postgres().password());
    }

    /** The single number a query returns, such as a count, for asserting on what a service wrote. */
    public long queryLong(String sql) throws SQLException {
        try (Connection connection = connect(); java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The Flyway versions applied in {@code schema}, oldest first, for asserting that a service migrated its own. */
    public List<String> appliedMigrations(String schema) throws SQLException {
        try (Connection connection = connect(); java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet versions = statement.executeQuery(
                     "select version from " + schema + ".flyway_schema_history where success order by installed_rank")) {
            List<String> applied = new ArrayList<>();
            while (versions.next()) {
                applied.add(versions.getString(1));
            }
            return applied;
        }
    }

    static String databaseNameFor(Class<?> testClass, int sequence) {
        String simple = testClass.getSimpleName().replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        String name = "t" + sequence + "_" + simple;
        return name.length() > 60 ? name.substring(0, 60) : name;
    }
}
