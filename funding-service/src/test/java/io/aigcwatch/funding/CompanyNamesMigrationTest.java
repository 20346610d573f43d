package io.aigcwatch.funding;

import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Companies registered before names were cleaned: the migration cleans them, and of names that now collide the first
 * registered keeps the key while later ones keep their ids under a key no request can produce.
 */
@ExtendWith(RealInfraExtension.class)
class CompanyNamesMigrationTest {
    private static final String SCHEMA = "funding_before_clean_names";
    private final TestInfra infra = RealInfraExtension.forClass(CompanyNamesMigrationTest.class);

    @Test
    void oldNamesAreCleanedAndLaterDuplicatesStepAsideForTheFirst() throws SQLException {
        flyway("1").migrate();
        try (Connection connection = infra.connect()) {
            insert(connection, "00000000-0000-0000-0000-000000000001", "OpenAI", "openai", null, "2023-01-01");
            insert(connection, "00000000-0000-0000-0000-000000000002", "Open\u200BAI", "open\u200Bai", null, "2023-02-01");
            insert(connection, "00000000-0000-0000-0000-000000000003", "ＯｐｅｎＡＩ", "openai-fw", null, "2023-03-01");
            insert(connection, "00000000-0000-0000-0000-000000000004", "\uFEFFZhipu  AI", "zhipu ai", "智谱\u200BＡＩ",
                    "2023-01-15");
        }

        flyway(null).migrate();

        Map<String, String[]> rows = rows();
        assertEquals("OpenAI|openai|null", String.join("|", rows.get("00000000-0000-0000-0000-000000000001")));
        assertEquals("OpenAI|openai\u2063duplicate-of:00000000-0000-0000-0000-000000000001:"
                + "00000000-0000-0000-0000-000000000002|null",
                String.join("|", rows.get("00000000-0000-0000-0000-000000000002")));
        assertEquals("OpenAI|openai\u2063duplicate-of:00000000-0000-0000-0000-000000000001:"
                + "00000000-0000-0000-0000-000000000003|null",
                String.join("|", rows.get("00000000-0000-0000-0000-000000000003")));
        assertEquals("Zhipu AI|zhipu ai|智谱AI", String.join("|", rows.get("00000000-0000-0000-0000-000000000004")));
        assertTrue(flyway(null).info().pending().length == 0);
    }

    private Flyway flyway(String target) {
        return infra.migrations(SCHEMA, target);
    }

    private static void insert(Connection connection, String id, String name, String key, String localName,
                               String createdOn) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + SCHEMA + ".company"
                + " (id, name, normalized_name, local_name, country, layer, created_at)"
                + " values (cast(? as uuid), ?, ?, ?, 'US', 'MODEL', cast(? as timestamptz))")) {
            insert.setString(1, id);
            insert.setString(2, name);
            insert.setString(3, key);
            insert.setString(4, localName);
            insert.setString(5, createdOn);
            insert.executeUpdate();
        }
    }

    private Map<String, String[]> rows() throws SQLException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        try (Connection connection = infra.connect();
             ResultSet found = connection.createStatement().executeQuery(
                     "select id, name, normalized_name, local_name from " + SCHEMA + ".company order by id")) {
            while (found.next()) {
                rows.put(found.getString(1), new String[]{found.getString(2), found.getString(3),
                        String.valueOf(found.getString(4))});
            }
        }
        return rows;
    }
}
