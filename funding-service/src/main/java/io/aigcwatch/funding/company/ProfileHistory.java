package io.aigcwatch.funding.company;

import io.aigcwatch.events.funding.CompanyStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail of profile edits and the recorded status events, in the transaction of the edit that makes them.
 * Plain SQL: the trail's key is (company, version, field) and its values are any JSON, which fit no entity.
 */
@Singleton
class ProfileHistory {
    private final JdbcOperations jdbc;
    private final JsonMapper json;

    ProfileHistory(JdbcOperations jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void append(UUID companyId, List<ProfileChange> changes) {
        jdbc.prepareStatement("""
                insert into company_change (company_id, version, field, before, after, changed_by, changed_at)
                values (?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?)""", statement -> {
            for (ProfileChange change : changes) {
                statement.setObject(1, companyId);
                statement.setLong(2, change.version());
                statement.setString(3, change.field());
                statement.setString(4, write(change.before()));
                statement.setString(5, write(change.after()));
                statement.setString(6, change.changedBy());
                statement.setTimestamp(7, Timestamp.from(change.changedAt()));
                statement.addBatch();
            }
            statement.executeBatch();
            return null;
        });
    }

    /** Newest first; {@code beforeVersion} and {@code beforeField} resume after the last row of a page. */
    @Transactional(readOnly = true)
    List<ProfileChange> changes(UUID companyId, @Nullable Long beforeVersion, @Nullable String beforeField, int limit) {
        return jdbc.prepareStatement("""
                select version, field, before, after, changed_by, changed_at from company_change
                where company_id = ?
                  and (cast(? as bigint) is null or (version, field) < (cast(? as bigint), cast(? as text)))
                order by version desc, field desc limit ?""", statement -> {
            statement.setObject(1, companyId);
            statement.setObject(2, beforeVersion);
            statement.setObject(3, beforeVersion);
            statement.setString(4, beforeField == null ? "" : beforeField);
            statement.setInt(5, limit);
            List<ProfileChange> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(new ProfileChange(rows.getLong(1), rows.getString(2), read(rows.getString(3)),
                            read(rows.getString(4)), rows.getString(5), rows.getTimestamp(6).toInstant()));
                }
            }
            return found;
        });
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void append(StatusEventView event) {
        jdbc.prepareStatement("""
                insert into company_status_event (id, company_id, version, status_before, status, effective_on,
                    source, acquirer, changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", statement -> {
            statement.setObject(1, event.id());
            statement.setObject(2, event.companyId());
            statement.setLong(3, event.version());
            statement.setString(4, event.statusBefore().name());
            statement.setString(5, event.status().name());
            statement.setObject(6, event.effectiveOn());
            statement.setString(7, event.source());
            statement.setString(8, event.acquirer());
            statement.setString(9, event.changedBy());
            statement.setTimestamp(10, Timestamp.from(event.changedAt()));
            statement.executeUpdate();
            return null;
        });
    }

    /** Newest first; {@code beforeVersion} resumes after the last event of a page. */
    @Transactional(readOnly = true)
    List<StatusEventView> statusEvents(UUID companyId, @Nullable Long beforeVersion, int limit) {
        return jdbc.prepareStatement("""
                select id, company_id, version, status_before, status, effective_on, source, acquirer, changed_by,
                       changed_at
                from company_status_event
                where company_id = ? and (cast(? as bigint) is null or version < cast(? as bigint))
                order by version desc limit ?""", statement -> {
            statement.setObject(1, companyId);
            statement.setObject(2, beforeVersion);
            statement.setObject(3, beforeVersion);
            statement.setInt(4, limit);
            List<StatusEventView> found = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(statusEvent(rows));
                }
            }
            return found;
        });
    }

    private static StatusEventView statusEvent(ResultSet rows) throws SQLException {
        return new StatusEventView(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getLong(3),
                CompanyStatus.valueOf(rows.getString(4)), CompanyStatus.valueOf(rows.getString(5)),
                rows.getObject(6, java.time.LocalDate.class), rows.getString(7), rows.getString(8),
                rows.getString(9), rows.getTimestamp(10).toInstant());
    }

    private String write(@Nullable JsonNode value) {
        try {
            return value == null ? "null" : json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private @Nullable JsonNode read(@Nullable String text) {
        try {
            JsonNode node = text == null ? null : json.readValue(text, JsonNode.class);
            return node == null || node.isNull() ? null : node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
