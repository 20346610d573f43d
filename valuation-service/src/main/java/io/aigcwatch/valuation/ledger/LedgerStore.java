package io.aigcwatch.valuation.ledger;

import io.aigcwatch.kit.jdbc.ColumnArrays;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Loads the {@link LedgerState} of a batch with a handful of queries and writes back what changed with a handful
 * of statements, whatever the batch's size, the unicorn totals ({@code unicorn_stat}) included.
 *
 * <p>Locks are taken in one order by every batch, so two consumer threads never wait on each other in a circle:
 * first the batch's rounds (their {@code round_version} rows, in id order), then its companies' current valuations
 * (in id order). A round or company seen for the first time has no row to lock: two batches inserting its first row
 * at once make the second fail on the primary key, and the inbox applies that batch again, from the committed state.
 */
@Singleton
class LedgerStore {
    /** Locks the rows of the rounds that have one, in id order, and answers each one's newest applied version. */
    private static final String LOCK_ROUNDS = """
            select round_id, version from round_version where round_id = any(?::uuid[]) order by round_id for update""";
    /**
     * No conflict clause: a round seen for the first time by two batches at once fails the second on the primary
     * key, and the inbox applies it again, from the version the first one stored.
     */
    private static final String INSERT_VERSIONS = """
            insert into round_version (round_id, version)
            select cast(round_id as uuid), cast(version as bigint)
            from unnest(?::text[], ?::text[]) as fresh(round_id, version)""";
    private static final String WRITE_VERSIONS = """
            update round_version stored set version = cast(changed.version as bigint)
            from unnest(?::text[], ?::text[]) as changed(round_id, version)
            where stored.round_id = cast(changed.round_id as uuid)""";
    private static final String WRITE_COMPANIES = """
            insert into company (id, name, local_name, country, layer, updated_at, status, status_since,
                profile_version)
            select cast(id as uuid), name, local_name, country, layer, cast(updated_at as timestamptz), status,
                cast(status_since as date), cast(profile_version as bigint)
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[])
                as company(id, name, local_name, country, layer, updated_at, status, status_since, profile_version)
            on conflict (id) do update set name = excluded.name, local_name = excluded.local_name,
                country = excluded.country, layer = excluded.layer, updated_at = excluded.updated_at,
                status = excluded.status, status_since = excluded.status_since,
                profile_version = excluded.profile_version""";
    private static final String WRITE_POINTS = """
            insert into valuation_point (id, company_id, cause_type, cause_id, cause_event_id, as_of, amount, currency,
                usd, basis, source, active, recorded_at, listed_as)
            select cast(id as uuid), cast(company_id as uuid), cause_type, cast(cause_id as uuid),
                cast(cause_event_id as uuid), cast(as_of as date), cast(amount as numeric), currency,
                cast(usd as numeric), basis, source, cast(active as boolean), cast(recorded_at as timestamptz), listed_as
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                as point(id, company_id, cause_type, cause_id, cause_event_id, as_of, amount, currency, usd, basis,
                    source, active, recorded_at, listed_as)
            on conflict (id) do update set company_id = excluded.company_id, cause_event_id = excluded.cause_event_id,
                as_of = excluded.as_of, amount = excluded.amount, currency = excluded.currency, usd = excluded.usd,
                basis = excluded.basis, source = excluded.source, active = excluded.active,
                recorded_at = excluded.recorded_at, listed_as = excluded.listed_as""";
    private static final String VALUATION_COLUMNS = """
            select cast(company_id as uuid), cast(point_id as uuid), cast(usd as numeric), cast(as_of as date), basis,
                status, cast(joined_on as date), cast(left_on as date), left_reason, cast(updated_at as timestamptz)
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                ?::text[], ?::text[])
                as valuation(company_id, point_id, usd, as_of, basis, status, joined_on, left_on, left_reason,
                    updated_at)""";
    /** No conflict clause: a company's first valuation inserted by another batch meanwhile fails this one. */
    private static final String INSERT_VALUATIONS = """
            insert into company_valuation (company_id, point_id, usd, as_of, basis, status, joined_on, left_on,
                left_reason, updated_at)
            """ + VALUATION_COLUMNS;
    private static final String UPDATE_VALUATIONS = """
            update company_valuation stored set point_id = changed.point_id, usd = changed.usd, as_of = changed.as_of,
                basis = changed.basis, status = changed.status, joined_on = changed.joined_on,
                left_on = changed.left_on, left_reason = changed.left_reason, updated_at = changed.updated_at
            from (""" + VALUATION_COLUMNS + """
            ) as changed(company_id, point_id, usd, as_of, basis, status, joined_on, left_on, left_reason, updated_at)
            where stored.company_id = changed.company_id""";

    /** Rows in key order, so that two batches lock them in one order. */
    private static final String ADD_TO_UNICORN_STATS = """
            insert into unicorn_stat (status, country, layer, companies, usd)
            select status, country, layer, cast(companies as bigint), cast(usd as numeric)
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
                as delta(status, country, layer, companies, usd, position)
            order by position
            on conflict (status, country, layer) do update set companies = unicorn_stat.companies + excluded.companies,
                usd = unicorn_stat.usd + excluded.usd""";

    private final JdbcOperations jdbc;

    LedgerStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param roundIds   the rounds the batch changes
     * @param companyIds the companies its changes name; the companies its rounds count for now are added
     */
    LedgerState load(Set<UUID> roundIds, Set<UUID> companyIds) {
        Map<UUID, Long> versions = lockRounds(roundIds);
        Connection connection = jdbc.getConnection();
        List<ValuationPoint> loaded = LedgerReads.pointsOfRounds(connection, roundIds);
        Set<UUID> touched = new LinkedHashSet<>(companyIds);
        loaded.forEach(point -> touched.add(point.companyId()));
        if (touched.isEmpty()) {
            return new LedgerState(versions, List.of(), List.of(), loaded);
        }
        List<CompanyValuation> current = LedgerReads.lockValuations(connection, touched);
        loaded.addAll(LedgerReads.activePointsOf(connection, touched));
        return new LedgerState(versions, LedgerReads.companies(connection, touched), current, loaded);
    }

    /** Everything that changed but the unicorn totals ({@link #addToUnicornStats}). */
    void write(LedgerState state) {
        Connection connection = jdbc.getConnection();
        ColumnArrays.execute(connection, WRITE_VERSIONS, 2, rows(state.changedVersions(true).entrySet(),
                version -> new Object[]{version.getKey(), version.getValue()}));
        ColumnArrays.execute(connection, INSERT_VERSIONS, 2, rows(state.changedVersions(false).entrySet(),
                version -> new Object[]{version.getKey(), version.getValue()}));
        ColumnArrays.execute(connection, WRITE_COMPANIES, 9, rows(state.changedCompanies(), company -> new Object[]{
                company.id(), company.name(), company.localName(), company.country(),
                company.layer() == null ? null : company.layer().name(), company.updatedAt(),
                company.status().name(), company.statusSince(), company.profileVersion()}));
        ColumnArrays.execute(connection, WRITE_POINTS, 14, rows(state.changedPoints(), point -> new Object[]{
                point.id(), point.companyId(), point.causeType(), point.causeId(), point.causeEventId(), point.asOf(),
                point.amount(), point.currency(), point.usd(), point.basis(), point.source(), point.active(),
                point.recordedAt(), point.listedAs()}));
        ColumnArrays.execute(connection, UPDATE_VALUATIONS, 10, rows(state.updatedValuations(), LedgerStore::valuation));
        ColumnArrays.execute(connection, INSERT_VALUATIONS, 10, rows(state.newValuations(), LedgerStore::valuation));
    }

    /** The batch's change of the unicorn totals; the rows every batch updates, so the transaction's last write. */
    void addToUnicornStats(LedgerState state) {
        ColumnArrays.execute(jdbc.getConnection(), ADD_TO_UNICORN_STATS, 5, rows(state.unicornDeltas().entrySet(),
                delta -> new Object[]{delta.getKey().status(), delta.getKey().country(), delta.getKey().layer(),
                        delta.getValue().companies(), delta.getValue().usd()}));
    }

    private Map<UUID, Long> lockRounds(Set<UUID> roundIds) {
        Map<UUID, Long> versions = new HashMap<>();
        if (roundIds.isEmpty()) {
            return versions;
        }
        Connection connection = jdbc.getConnection();
        try (PreparedStatement lock = connection.prepareStatement(LOCK_ROUNDS)) {
            lock.setArray(1, connection.createArrayOf("uuid", roundIds.toArray()));
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    versions.put(rows.getObject(1, UUID.class), rows.getLong(2));
                }
            }
        } catch (SQLException failure) {
            throw new IllegalStateException("Could not lock " + roundIds.size() + " rounds", failure);
        }
        return versions;
    }

    private static Object[] valuation(CompanyValuation valuation) {
        return new Object[]{valuation.companyId(), valuation.pointId(), valuation.usd(), valuation.asOf(),
                valuation.basis(), valuation.status().name(), valuation.joinedOn(), valuation.leftOn(),
                valuation.leftReason(), valuation.updatedAt()};
    }

    private static <T> List<Object[]> rows(Collection<T> items, Function<T, Object[]> row) {
        return items.stream().map(row).toList();
    }
}
