package io.aigcwatch.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A running PostgreSQL server that can hand out databases. */
public interface PostgresServer extends AutoCloseable {

    /** The JDBC URL of {@code database} on this server. */
    String jdbcUrl(String database);

    String username();

    String password();

    /** The database that always exists, used to create the others. */
    default String maintenanceDatabase() {
        return "postgres";
    }

    /** Creates {@code database} unless it exists already. */
    default void ensureDatabase(String database) {
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(maintenanceDatabase()), username(), password());
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + database + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " on " + jdbcUrl(database), e);
        }
    }

    @Override
    void close();
}
