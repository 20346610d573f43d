package io.aigcwatch.funding.round;

import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.RoundType;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import io.aigcwatch.events.funding.DatePrecision;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
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
                where fingerprint = any(array(select decode(f, 'hex') from unnest(?::text[]) f))""", statement -> {
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

    /**
     * For each round (by index), the active recorded round nearest to it in the window: the same date first, else
     * the earliest. One index scan by company for the whole chunk, matched here: a lateral join per row let the
     * planner walk every round of the type in the window, which grew with the table (3.3 s per chunk at 60,000).
     */
    Map<Integer, FundingRound> near(List<FundingRound> rounds) {
        Map<Integer, FundingRound> near = new HashMap<>();
        if (rounds.isEmpty()) {
            return near;
        }
        Map<String, List<FundingRound>> recorded = new HashMap<>();
        run("""
                select id, company_id, round_type, announced_on, currency, amount_precision, amount_value, amount_low,
                       amount_high
                from funding_round where company_id = any(?) and status = 'ACTIVE'""", statement -> {
            statement.setArray(1, connection().createArrayOf("uuid",
                    rounds.stream().map(FundingRound::companyId).distinct().toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    FundingRound round = new FundingRound(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            0, RoundStatus.ACTIVE, RoundType.valueOf(rows.getString(3)), rows.getBigDecimal(7),
                            rows.getBigDecimal(8), rows.getBigDecimal(9), rows.getString(5).trim(),
                            AmountPrecision.valueOf(rows.getString(6)), null, null, null, null, null, null, null,
                            null, null, null, rows.getObject(4, LocalDate.class), DatePrecision.DAY, List.of(), null,
                            null, null, null, List.of());
                    recorded.computeIfAbsent(kind(round), k -> new ArrayList<>()).add(round);
                }
            }
        });
        for (int i = 0; i < rounds.size(); i++) {
            FundingRound nearest = nearest(recorded.getOrDefault(kind(rounds.get(i)), List.of()),
                    rounds.get(i).announcedOn());
            if (nearest != null) {
                near.put(i, nearest);
            }
        }
        return near;
    }

    private static String kind(FundingRound round) {
        return round.companyId() + "/" + round.roundType();
    }

    private static FundingRound nearest(List<FundingRound> recorded, LocalDate on) {
        FundingRound nearest = null;
        for (FundingRound round : recorded) {
            if (Math.abs(round.announcedOn().toEpochDay() - on.toEpochDay()) > RoundWriter.DUPLICATE_WINDOW_DAYS) {
                continue;
            }
            if (round.announcedOn().equals(on)) {
                return round;
            }
            if (nearest == null || round.announcedOn().isBefore(nearest.announcedOn())) {
                nearest = round;
            }
        }
        return nearest;
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
