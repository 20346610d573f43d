package io.aigcwatch.kit.export;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * An export read from one database cursor as the client takes it: the head (a CSV header) leaves before any query
 * runs, then rows are fetched {@code fetchSize} at a time and encoded into one chunk per fetch. The server reads it
 * through a {@code StreamedFile} on its blocking threads, so an export of any size holds one fetch in memory.
 * <p>
 * The cursor is an SQL cursor ({@code DECLARE ... NO SCROLL CURSOR}, then {@code FETCH n} at a time) in a read-only
 * transaction on a pool connection of its own held for the length of the stream. A declared cursor, unlike a JDBC
 * fetch size alone, is planned for its first rows ({@code cursor_tuple_fraction}): an export walks the index of its
 * order instead of sorting every match before the first row leaves. The connection is taken from the pool itself, not
 * from Micronaut's transaction context, because the successive reads of one stream run on whichever blocking thread
 * is free. It goes back to the pool when the last row has been read, when a read fails, and when the server closes
 * the stream because the client went away.
 */
public final class CursorExport extends InputStream {
    /** Cursors are per connection, and a connection holds one export at a time. */
    private static final String CURSOR = "export_rows";
    /** Appends one row of the result, encoded (a CSV record, an NDJSON line), to the chunk being built. */
    @FunctionalInterface
    public interface RowEncoder {
        void append(ResultSet row, StringBuilder chunk) throws SQLException, IOException;
    }

    private final DataSource pool;
    private final String sql;
    private final List<Object> parameters;
    private final RowEncoder encoder;
    private final int fetchSize;
    private final StringBuilder pending = new StringBuilder();
    private byte[] chunk = new byte[0];
    private int position;
    private Connection connection;
    private PreparedStatement fetchNext;
    private boolean finished;

    /**
     * @param dataSource the service's data source; its pool is used directly
     * @param sql        the query, with ? parameters; only fixed texts of the service, never a client's value
     * @param fetchSize  rows per fetch from the database, and per chunk sent
     * @param head       what the export starts with, sent before the query runs (a CSV header; empty for NDJSON)
     */
    public CursorExport(DataSource dataSource, String sql, List<Object> parameters, String head, RowEncoder encoder,
                        int fetchSize) {
        this.pool = dataSource == null ? null : DelegatingDataSource.unwrapDataSource(dataSource);
        this.sql = sql;
        this.parameters = List.copyOf(parameters);
        this.encoder = encoder;
        this.fetchSize = fetchSize;
        this.pending.append(head);
    }

    /** An export that no row can match (a filter naming an unknown company): the head alone, and no query. */
    public static CursorExport headOnly(String head) {
        CursorExport empty = new CursorExport(null, "", List.of(), head, (row, out) -> { }, 1);
        empty.finished = true;
        return empty;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == chunk.length && !refill()) {
            return -1;
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, into, offset, count);
        position += count;
        return count;
    }

    private boolean refill() throws IOException {
        try {
            while (pending.isEmpty() && !finished) {
                fetch();
            }
        } catch (SQLException | IOException | RuntimeException e) {
            release();
            throw e instanceof IOException io ? io : new IOException("the export failed after it began", e);
        }
        if (pending.isEmpty()) {
            return false;
        }
        chunk = pending.toString().getBytes(StandardCharsets.UTF_8);
        pending.setLength(0);
        position = 0;
        return true;
    }

    private void fetch() throws SQLException, IOException {
        if (fetchNext == null) {
            open();
        }
        int read = 0;
        try (ResultSet rows = fetchNext.executeQuery()) {
            while (rows.next()) {
                encoder.append(rows, pending);
                read++;
            }
        }
        if (read < fetchSize) {
            finished = true;
            release();
        }
    }

    private void open() throws SQLException {
        connection = pool.getConnection();
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        try (PreparedStatement declare = connection.prepareStatement("declare " + CURSOR + " no scroll cursor for "
                + sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                declare.setObject(i + 1, parameters.get(i));
            }
            declare.execute();
        }
        fetchNext = connection.prepareStatement("fetch forward " + fetchSize + " from " + CURSOR);
    }

    /** Called by the server when the response ends, the client's leaving included. */
    @Override
    public synchronized void close() {
        finished = true;
        release();
    }

    /** The read-only transaction has nothing to keep: rolling it back closes the cursor. */
    private void release() {
        Connection held = connection;
        connection = null;
        if (held == null) {
            return;
        }
        try (held) {
            if (fetchNext != null) {
                fetchNext.close();
            }
            held.rollback();
        } catch (SQLException ignored) {
            // the connection is closed below either way, and the pool discards one that broke
        } finally {
            fetchNext = null;
        }
    }
}
