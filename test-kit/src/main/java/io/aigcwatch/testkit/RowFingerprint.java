package io.aigcwatch.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a set of tables holds, every row of each as one digest, so that a test can assert that a refused request
 * changed no row at all, not merely that the row counts stayed the same.
 */
public final class RowFingerprint {
    private RowFingerprint() {
    }

    /**
     * @param tables qualified table names, such as {@code funding.funding_round}, or a parenthesised query over
     *               the columns that must not change, such as {@code (select id from funding.outbox)}, whose relay
     *               marks rows sent on its own time
     */
    public static Map<String, String> of(TestInfra infra, String... tables) throws SQLException {
        Map<String, String> digests = new LinkedHashMap<>();
        try (Connection connection = infra.connect(); Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("select count(*) || ':' || coalesce(md5(string_agg("
                        + "row_text, '|' order by row_text)), '') from (select t::text as row_text from " + table
                        + " t) rows")) {
                    rows.next();
                    digests.put(table, rows.getString(1));
                }
            }
        }
        return digests;
    }
}
