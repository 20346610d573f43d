package io.aigcwatch.valuation.ledger;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.CompanyStatus;
import io.aigcwatch.events.valuation.UnicornStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The rows a batch's state is loaded from, read by column position with the batch's ids as one array parameter.
 * Micronaut Data's entity mapping, and its {@code in (?, ?, ...)} of one parameter per id, cost a catching-up
 * consumer more than the queries themselves: thousands of rows a batch, each property looked up by name.
 */
final class LedgerReads {
    private static final String POINT_COLUMNS = """
            select id, company_id, cause_type, cause_id, cause_event_id, as_of, amount, currency, usd, basis, source,
                active, recorded_at, listed_as from valuation_point""";
    private static final String POINTS_OF_ROUNDS = POINT_COLUMNS + " where cause_type = 'ROUND' and cause_id = any(?)";
    private static final String ACTIVE_POINTS_OF = POINT_COLUMNS + " where company_id = any(?) and active";
    /** In the order of their ids, so that two batches that share companies never lock them in opposite orders. */
    private static final String LOCK_VALUATIONS = """
            select company_id, point_id, usd, as_of, basis, status, joined_on, left_on, left_reason, updated_at
            from company_valuation where company_id = any(?) order by company_id for update""";
    private static final String COMPANIES = """
            select id, name, local_name, country, layer, updated_at, status, status_since, profile_version
            from company where id = any(?)""";

    private LedgerReads() {
    }

    /** The points of these rounds, active or not. */
    static List<ValuationPoint> pointsOfRounds(Connection connection, Collection<UUID> roundIds) {
        return query(connection, POINTS_OF_ROUNDS, roundIds, LedgerReads::point);
    }

    /** The active points of these companies, in no particular order. */
    static List<ValuationPoint> activePointsOf(Connection connection, Collection<UUID> companyIds) {
        return query(connection, ACTIVE_POINTS_OF, companyIds, LedgerReads::point);
    }

    /** Locks the current valuations of these companies for the rest of the transaction, in the order of their ids. */
    static List<CompanyValuation> lockValuations(Connection connection, Collection<UUID> companyIds) {
        return query(connection, LOCK_VALUATIONS, companyIds, row -> new CompanyValuation(uuid(row, 1), uuid(row, 2),
                row.getBigDecimal(3), date(row, 4), row.getString(5), UnicornStatus.valueOf(row.getString(6)),
                date(row, 7), date(row, 8), row.getString(9), instant(row, 10)));
    }

    static List<TrackedCompany> companies(Connection connection, Collection<UUID> ids) {
        return query(connection, COMPANIES, ids, row -> {
            String layer = row.getString(5);
            return new TrackedCompany(uuid(row, 1), row.getString(2), row.getString(3), row.getString(4),
                    layer == null ? null : Layer.valueOf(layer), instant(row, 6),
                    CompanyStatus.valueOf(row.getString(7)), date(row, 8), row.getLong(9));
        });
    }

    private static ValuationPoint point(ResultSet row) throws SQLException {
        return new ValuationPoint(uuid(row, 1), uuid(row, 2), row.getString(3), uuid(row, 4), uuid(row, 5),
                date(row, 6), row.getBigDecimal(7), row.getString(8), row.getBigDecimal(9), row.getString(10),
                row.getString(11), row.getBoolean(12), instant(row, 13), row.getString(14));
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> List<T> query(Connection connection, String sql, Collection<UUID> ids, RowReader<T> reader) {
        List<T> read = new ArrayList<>();
        if (ids.isEmpty()) {
            return read;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    read.add(reader.read(rows));
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("Could not read the ledger's rows of " + ids.size() + " ids", failure);
        }
        return read;
    }

    private static UUID uuid(ResultSet row, int column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    private static LocalDate date(ResultSet row, int column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
