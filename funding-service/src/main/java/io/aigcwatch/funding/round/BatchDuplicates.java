package io.aigcwatch.funding.round;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The two questions a bulk import asks of the rounds already recorded, each in one statement for a whole chunk:
 * which rows were imported before (their fingerprint is known), and which recorded round lies within
 * {@link RoundWriter#DUPLICATE_WINDOW_DAYS} days of a row, as {@link RoundWriter} asks one round at a time.
 */
@Singleton
class BatchDuplicates {
    private final TransactionOperations<Connection> transactions;

    BatchDuplicates(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    Set<String> knownFingerprints(List<String> fingerprints) {
        Set<String> known = new HashSet<>();
        if (fingerprints.isEmpty()) {
            return known;
        }
        run("""
                select encode(fingerprint, 'hex') from import_fingerprint
                where fingerprint in (select decode(f, 'hex') from unnest(?::text[]) f)""", statement -> {
            statement.setArray(1, connection().createArrayOf("text", fingerprints.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    known.add(rows.getString(1));
                }
            }
        });
        return known;
    }

    void remember(List<String> fingerprints, List<UUID> roundIds) {
        if (fingerprints.isEmpty()) {
            return;
        }
        run("""
                insert into import_fingerprint (fingerprint, round_id)
                select decode(f, 'hex'), r from unnest(?::text[], ?::uuid[]) as t (f, r)""", statement -> {
            statement.setArray(1, connection().createArrayOf("text", fingerprints.toArray()));
            statement.setArray(2, connection().createArrayOf("uuid", roundIds.toArray()));
            statement.executeUpdate();
        });
    }

    /** For each round (by index), the active recorded round nearest to it in the window: the same date first. */
    Map<Integer, FundingRound> near(List<FundingRound> rounds) {
        Map<Integer, FundingRound> near = new HashMap<>();
        if (rounds.isEmpty()) {
            return near;
        }
        run("""
                select t.position, r.id, r.announced_on, r.currency, r.amount_precision, r.amount_value,
                       r.amount_low, r.amount_high
                from unnest(?::uuid[], ?::text[], ?::text[]) with ordinality as t (company_id, round_type, announced_on, position)
                cross join lateral (
                    select * from funding_round r
                    where r.company_id = t.company_id and r.round_type = t.round_type and r.status = 'ACTIVE'
                      and r.announced_on between t.announced_on::date - ? and t.announced_on::date + ?
                    order by r.announced_on = t.announced_on::date desc, r.announced_on
                    limit 1) r""", statement -> {
            statement.setArray(1, connection().createArrayOf("uuid",
                    rounds.stream().map(FundingRound::companyId).toArray()));
            statement.setArray(2, connection().createArrayOf("text",
                    rounds.stream().map(round -> round.roundType().name()).toArray()));
            statement.setArray(3, connection().createArrayOf("text",
                    rounds.stream().map(round -> round.announcedOn().toString()).toArray()));
            statement.setInt(4, RoundWriter.DUPLICATE_WINDOW_DAYS);
            statement.setInt(5, RoundWriter.DUPLICATE_WINDOW_DAYS);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    FundingRound given = rounds.get(rows.getInt(1) - 1);
                    near.put(rows.getInt(1) - 1, new FundingRound(rows.getObject(2, UUID.class), given.companyId(), 0,
                            RoundStatus.ACTIVE, given.roundType(), rows.getBigDecimal(6), rows.getBigDecimal(7),
                            rows.getBigDecimal(8), rows.getString(4).trim(),
                            io.aigcwatch.events.funding.AmountPrecision.valueOf(rows.getString(5)), null, null, null,
                            null, null, null, null, null, null, null, rows.getObject(3, java.time.LocalDate.class),
                            List.of(), null, null, null, null));
                }
            }
        });
        return near;
    }

    /** Whether a recorded round near a row says the same: the row was recorded before, not a second round. */
    static boolean sameFigures(FundingRound a, FundingRound b) {
        return a.announcedOn().equals(b.announcedOn()) && a.currency().equals(b.currency())
                && a.amountPrecision() == b.amountPrecision() && same(a.amountValue(), b.amountValue())
                && same(a.amountLow(), b.amountLow()) && same(a.amountHigh(), b.amountHigh());
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private Connection connection() {
        return (Connection) transactions.findTransactionStatus().orElseThrow(
                () -> new IllegalStateException("a bulk import runs in its chunk's transaction")).getConnection();
    }

    private void run(String sql, Statement work) {
        try (PreparedStatement statement = connection().prepareStatement(sql)) {
            work.run(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("bulk import query failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Statement {
        void run(PreparedStatement statement) throws SQLException;
    }
}
