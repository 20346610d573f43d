package io.aigcwatch.funding.taxonomy;

import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Segments stored as free text before V10: those that name a taxonomy entry become its code, any other value stays as
 * it was, so nothing stored is lost.
 */
@ExtendWith(RealInfraExtension.class)
class SegmentsMigrationTest {
    private static final String SCHEMA = "funding_before_taxonomy";
    private final TestInfra infra = RealInfraExtension.forClass(SegmentsMigrationTest.class);

    @Test
    void knownSpellingsBecomeCodesAndUnknownValuesStayReadable() throws SQLException {
        flyway("8").migrate();
        try (Connection connection = infra.connect()) {
            insert(connection, "00000000-0000-0000-0000-000000000001", "Old Tags", "[\"image\", \"3D\", \"文本\", \"Virtual humans\", \"智能客服\"]");
            insert(connection, "00000000-0000-0000-0000-000000000002", "No Tags", "[]");
        }

        flyway(null).migrate();

        assertEquals(new TreeSet<>(Set.of("IMAGE", "THREE_D", "TEXT", "VIRTUAL_HUMAN", "智能客服")),
                segments("00000000-0000-0000-0000-000000000001"));
        assertEquals(Set.of(), segments("00000000-0000-0000-0000-000000000002"));
    }

    private Flyway flyway(String target) {
        return infra.migrations(SCHEMA, target);
    }

    private static void insert(Connection connection, String id, String name, String segments) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + SCHEMA + ".company"
                + " (id, name, normalized_name, country, layer, segments, created_at)"
                + " values (cast(? as uuid), ?, ?, 'CN', 'APPLICATION', cast(? as jsonb), now())")) {
            insert.setString(1, id);
            insert.setString(2, name);
            insert.setString(3, name.toLowerCase());
            insert.setString(4, segments);
            insert.executeUpdate();
        }
    }

    private Set<String> segments(String id) throws SQLException {
        Set<String> found = new TreeSet<>();
        try (Connection connection = infra.connect();
             PreparedStatement select = connection.prepareStatement("select e from " + SCHEMA
                     + ".company, jsonb_array_elements_text(segments) e where id = cast(? as uuid)")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }
}
