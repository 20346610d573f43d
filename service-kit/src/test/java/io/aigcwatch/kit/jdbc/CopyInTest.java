package io.aigcwatch.kit.jdbc;

import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What COPY stores is exactly what was written, whatever the text holds, and a failed copy stores nothing. */
@ExtendWith(RealInfraExtension.class)
class CopyInTest {
    private static final List<String> AWKWARD = Arrays.asList(
            "{\"name\":\"Zhipu \\\"AI\\\"\",\"n\":1}", "", null, "comma, and\nnewline\r\n", "back\\slash",
            "\u0001", "a\u0001\u0001b\u0001", "\"", "\\.", "月之暗面", "\t tab");

    private final TestInfra infra = RealInfraExtension.forClass(CopyInTest.class);

    @Test
    void everyTextComesBackAsItWasWritten() throws Exception {
        try (Connection connection = infra.connect(); Statement sql = connection.createStatement()) {
            sql.execute("create temp table copied (position int, text text, figure numeric)");
            CopyIn.copy(connection, "copied (position, text, figure)", "awkward texts", out -> {
                for (int i = 0; i < AWKWARD.size(); i++) {
                    out.row(i, AWKWARD.get(i), new BigDecimal("1E+3"));
                }
            });
            List<String> stored = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("select text, figure from copied order by position")) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                    assertEquals(new BigDecimal("1000"), rows.getBigDecimal(2));
                }
            }
            assertEquals(AWKWARD, stored);
        }
    }

    @Test
    void aCopyThatFailsStoresNoRow() throws Exception {
        try (Connection connection = infra.connect(); Statement sql = connection.createStatement()) {
            sql.execute("create temp table counted (n int not null)");
            assertThrows(IllegalStateException.class, () -> CopyIn.copy(connection, "counted (n)", "numbers", out -> {
                out.row(1);
                out.row("not a number");
            }));
            try (ResultSet rows = sql.executeQuery("select count(*) from counted")) {
                rows.next();
                assertEquals(0, rows.getInt(1));
            }
        }
    }
}
