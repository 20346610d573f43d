package io.aigcwatch.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL refusing every insert into one table until closed: a real failure of the transaction that tries, as
 * a database in trouble would cause, for proving that a consumer retries a record until it applies and skips none.
 * A trigger raises the error; a sequence counts the refusals, since no rollback undoes a sequence.
 *
 * <pre>{@code
 * try (RefusedInserts refused = RefusedInserts.into(infra, "market.processed_event")) {
 *     // publish, then wait until the consumer has failed for a while
 *     await().until(() -> refused.count() >= 4);
 * }
 * // every record applies now
 * }</pre>
 *
 * Refusing a table the consumer writes last, after the event's id, also shows that the id rolls back with the rest.
 */
public final class RefusedInserts implements AutoCloseable {
    private final TestInfra infra;
    private final String table;
    private final String function;
    private final String counter;
    private boolean closed;

    private RefusedInserts(TestInfra infra, String table) {
        this.infra = infra;
        this.table = table;
        String schema = table.substring(0, table.indexOf('.'));
        String name = table.substring(table.indexOf('.') + 1);
        this.function = schema + ".refuse_" + name;
        this.counter = schema + ".refused_" + name;
    }

    /** @param table schema-qualified, such as {@code valuation.outbox} */
    public static RefusedInserts into(TestInfra infra, String table) throws SQLException {
        if (table.indexOf('.') < 1) {
            throw new IllegalArgumentException("name the schema too: " + table);
        }
        RefusedInserts refused = new RefusedInserts(infra, table);
        refused.execute("create sequence " + refused.counter,
                """
                create function %s() returns trigger language plpgsql as $$
                begin
                    perform nextval('%s');
                    raise exception 'the test refuses inserts into %s for now';
                end $$""".formatted(refused.function, refused.counter, table),
                "create trigger refuse_inserts before insert on " + table + " for each row execute function "
                        + refused.function + "()");
        return refused;
    }

    /** How many inserts were refused so far. */
    public long count() throws SQLException {
        return infra.queryLong("select case when is_called then last_value else 0 end from " + counter);
    }

    /** The table takes inserts again; the trigger, its function and the counter are gone. Once is enough. */
    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        execute("drop trigger refuse_inserts on " + table, "drop function " + function + "()",
                "drop sequence " + counter);
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = infra.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
