package io.aigcwatch.funding.company;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds a company by name, else by local-language name, else registers it, and locks its row until the
 * transaction ends, in one round trip: this is on the path of every recorded round. Plain JDBC because Micronaut
 * Data reads a statement with an {@code insert ... returning} as an insert, not as a query of entities.
 */
@Singleton
class CompanyLocks {
    private static final String LOCK_OR_REGISTER = """
            with by_name as (
                select * from company where normalized_name = ? for update
            ), by_local_name as (
                select * from company
                where cast(? as text) is not null and lower(local_name) = lower(cast(? as text))
                  and not exists (select 1 from by_name)
                order by created_at limit 1 for update
            ), known as (
                select * from by_name union all select * from by_local_name
            ), registered as (
                insert into company (id, name, normalized_name, local_name, country, layer, segments, created_at)
                select ?, ?, ?, ?, ?, ?, cast(? as jsonb), now()
                where not exists (select 1 from known)
                on conflict (normalized_name) do nothing
                returning *
            )
            select * from known union all select * from registered limit 1""";

    private final JdbcOperations jdbc;

    CompanyLocks(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when a concurrent transaction registered the same name first. */
    Optional<Company> lockOrRegister(String name, String normalizedName, @Nullable String localName, String country,
                                     String layer, String segmentsJson) {
        return jdbc.prepareStatement(LOCK_OR_REGISTER, statement -> {
            bind(statement, normalizedName, localName, localName, UUID.randomUUID(), name, normalizedName, localName,
                    country, layer, segmentsJson);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(jdbc.readEntity(row, Company.class)) : Optional.empty();
            }
        });
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
