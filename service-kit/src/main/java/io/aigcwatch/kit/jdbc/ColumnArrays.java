package io.aigcwatch.kit.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes many rows with one statement: each column travels as one {@code text[]} parameter, and the statement
 * unnests them ({@code select ... from unnest(?::text[], ?::text[]) as row(a, b)}) and casts each column to its
 * type. A set-based consumer writes a polled batch this way: a statement per row would cost a round trip and an
 * execution each, and cap a catching-up consumer far below its target.
 *
 * <p>Text keeps every digit of a numeric and every microsecond of a timestamp ({@link java.time.Instant} and
 * {@link java.time.LocalDate} print as ISO 8601, which PostgreSQL reads); a null stays SQL null.
 */
public final class ColumnArrays {
    private ColumnArrays() {
    }

    /**
     * @param sql  a statement with one {@code ?::text[]} parameter per column, in the rows' column order
     * @param rows the rows, each with one value per column; nothing is executed for none
     * @return the statement's update count
     */
    public static int execute(Connection connection, String sql, int columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int column = 0; column < columns; column++) {
                String[] values = new String[rows.size()];
                for (int row = 0; row < rows.size(); row++) {
                    values[row] = text(rows.get(row)[column]);
                }
                statement.setArray(column + 1, connection.createArrayOf("text", values));
            }
            return statement.executeUpdate();
        } catch (SQLException failure) {
            throw new IllegalStateException("Could not write " + rows.size() + " rows: " + failure.getMessage(),
                    failure);
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }
}
