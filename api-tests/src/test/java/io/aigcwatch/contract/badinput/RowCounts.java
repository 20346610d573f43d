package io.aigcwatch.contract.badinput;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows of every table of every service's schema, counted in one query: what a refused request must leave as it
 * found it. The tables are listed once, from the catalogue, when the suite starts.
 */
final class RowCounts implements AutoCloseable {
    private static final List<String> SCHEMAS = List.of("funding", "valuation", "market", "notification");

    private final Connection connection;
    private final String query;

    private RowCounts(Connection connection, String query) {
        this.connection = connection;
        this.query = query;
    }

    /** Takes over {@code connection}, and closes it with itself. */
    static RowCounts of(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select table_schema || '.' || table_name from"
                     + " information_schema.tables where table_type = 'BASE TABLE' and table_schema in ('"
                     + String.join("','", SCHEMAS) + "') order by 1")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        for (String schema : SCHEMAS) {
            if (tables.stream().noneMatch(table -> table.startsWith(schema + "."))) {
                throw new IllegalStateException("no table in the schema " + schema + ": " + tables);
            }
        }
        List<String> counts = tables.stream()
                .map(table -> "select '" + table + "', count(*) from " + table).toList();
        return new RowCounts(connection, String.join(" union all ", counts));
    }

    Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows", e);
        }
        return counts;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** The tables whose count differs, each as {@code table before->after}. */
    static List<String> changes(Map<String, Long> before, Map<String, Long> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, count) -> {
            if (!count.equals(before.get(table))) {
                changed.add(table + " " + before.get(table) + "->" + count);
            }
        });
        return changed;
    }
}
