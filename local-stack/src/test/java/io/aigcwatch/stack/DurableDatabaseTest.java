package io.aigcwatch.stack;

import io.aigcwatch.infra.Servers;
import io.aigcwatch.testkit.InfraMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The README promises that a restart keeps every round; that holds after a crash of the machine only if PostgreSQL
 * flushes each commit to disk. The tests' own server may skip that, for speed.
 */
class DurableDatabaseTest {
    private static final List<String> SETTINGS = List.of("fsync", "synchronous_commit", "full_page_writes");

    @Test
    void theLocalStacksDatabaseFlushesEveryCommitToDisk(@TempDir Path dir) throws Exception {
        StackConfig config = new StackConfig(dir.resolve("home"), dir, Map.of(), 0, 0, Optional.empty());
        try (Servers servers = RunningStack.startServers(config)) {
            assertEquals(allSetTo("on"), show(servers));
        }
    }

    @Test
    void theTestsDatabaseMayTradeDurabilityForSpeed(@TempDir Path dir) throws Exception {
        // As RealInfraExtension starts it when no Docker engine and no external servers are there.
        try (Servers servers = InfraMode.EMBEDDED.start(dir, Servers.Ports.ANY, false)) {
            assertEquals(allSetTo("off"), show(servers));
        }
    }

    private static Map<String, String> allSetTo(String value) {
        Map<String, String> expected = new LinkedHashMap<>();
        SETTINGS.forEach(setting -> expected.put(setting, value));
        return expected;
    }

    private static Map<String, String> show(Servers servers) throws SQLException {
        Map<String, String> actual = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(
                servers.postgres().jdbcUrl(servers.postgres().maintenanceDatabase()),
                servers.postgres().username(), servers.postgres().password());
             Statement statement = connection.createStatement()) {
            for (String setting : SETTINGS) {
                try (ResultSet row = statement.executeQuery("show " + setting)) {
                    row.next();
                    actual.put(setting, row.getString(1));
                }
            }
        }
        return actual;
    }
}
