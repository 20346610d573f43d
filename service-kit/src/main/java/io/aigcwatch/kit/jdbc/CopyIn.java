package io.aigcwatch.kit.jdbc;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Streams rows into a table with {@code COPY ... FROM STDIN} on the caller's (transaction's) connection: several
 * times faster than an insert for the tens of thousands of rows a bulk import or a catching-up consumer writes.
 * A failure cancels the copy, so the transaction sees none of its rows.
 */
public final class CopyIn {
    private CopyIn() {
    }

    @FunctionalInterface
    public interface Rows {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * @param copy  a {@code copy ... from stdin} statement whose format the rows are written in
     * @param what  what is copied, for the error message
     */
    public static void copy(Connection connection, String copy, String what, Rows rows) {
        try {
            PGCopyOutputStream stream = new PGCopyOutputStream(connection.unwrap(PGConnection.class), copy, 1 << 16);
            try {
                Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
                rows.writeTo(out);
                out.flush();
                stream.endCopy();
            } finally {
                if (stream.isActive()) {
                    stream.cancelCopy();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + what, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes one row in COPY's CSV format. Every value is quoted, so an empty text stays an empty text; a null cell
     * is left unquoted and empty, which COPY reads as NULL. A figure is written as it is, never in exponent form.
     */
    public static void csvRow(Writer out, Object... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object cell = cells[i];
            if (cell == null) {
                continue;
            }
            String text = cell instanceof BigDecimal number ? number.toPlainString() : cell.toString();
            out.write('"');
            out.write(text.replace("\"", "\"\""));
            out.write('"');
        }
        out.write('\n');
    }
}
