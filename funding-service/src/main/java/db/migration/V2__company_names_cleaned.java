package db.migration;

import io.aigcwatch.events.CompanyNames;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Rewrites the companies registered before names were read by {@link CompanyNames}: each name, key and local name
 * as the registry now stores them. In Java, not SQL, so that old rows are read by the very code that reads new
 * requests (PostgreSQL's normalize() knows NFKC but has no Unicode category for format characters).
 * <p>
 * Names that now collide, such as {@code OpenAI} and a later {@code Open\u200BAI}, are not merged: their ids are in
 * rounds and events that every other service has already consumed, and a silent merge here would leave those
 * services counting both. The company registered first keeps the key, so every new request names it; each later one
 * keeps its id, rounds and name but gets a key no request can produce ({@code <key>\u2063duplicate-of:<first id>:<own
 * id>}; U+2063 is a format character, which {@link CompanyNames#key} always removes). docs/operations.md says how an
 * operator finds them and moves their rounds over.
 */
public class V2__company_names_cleaned extends BaseJavaMigration {
    static final String DUPLICATE_MARK = "\u2063duplicate-of:";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Map<String, UUID> firstByKey = new HashMap<>();
        try (Statement read = connection.createStatement();
             ResultSet rows = read.executeQuery(
                     "select id, name, normalized_name, local_name from company order by created_at, id");
             PreparedStatement park = connection.prepareStatement(
                     "update company set normalized_name = '" + DUPLICATE_MARK + "migrating:' || id where id = ?");
             PreparedStatement rewrite = connection.prepareStatement(
                     "update company set name = ?, normalized_name = ?, local_name = ? where id = ?")) {
            Map<UUID, Cleaned> changed = new HashMap<>();
            while (rows.next()) {
                UUID id = rows.getObject("id", UUID.class);
                String name = CompanyNames.clean(rows.getString("name"));
                String key = CompanyNames.key(name);
                UUID first = firstByKey.putIfAbsent(key, id);
                String storedKey = first == null ? key : key + DUPLICATE_MARK + first + ":" + id;
                String localName = rows.getString("local_name") == null ? null
                        : CompanyNames.clean(rows.getString("local_name"));
                if (localName != null && localName.isEmpty()) {
                    localName = null;
                }
                if (!name.equals(rows.getString("name")) || !storedKey.equals(rows.getString("normalized_name"))
                        || !Objects.equals(localName, rows.getString("local_name"))) {
                    changed.put(id, new Cleaned(name, storedKey, localName));
                }
            }
            // keys move in two steps, so that no rewrite meets a key another row still holds until its own rewrite
            for (UUID id : changed.keySet()) {
                park.setObject(1, id);
                park.addBatch();
            }
            park.executeBatch();
            for (Map.Entry<UUID, Cleaned> row : changed.entrySet()) {
                rewrite.setString(1, row.getValue().name());
                rewrite.setString(2, row.getValue().key());
                rewrite.setString(3, row.getValue().localName());
                rewrite.setObject(4, row.getKey());
                rewrite.addBatch();
            }
            rewrite.executeBatch();
        }
    }

    private record Cleaned(String name, String key, String localName) {
    }
}
