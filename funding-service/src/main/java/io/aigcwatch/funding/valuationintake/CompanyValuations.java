package io.aigcwatch.funding.valuationintake;

import io.aigcwatch.events.valuation.UnicornStatus;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.funding.investor.UnicornHoldings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The copy of valuation-service's current valuation and unicorn status of each company (V12 {@code
 * company_valuation}), and what a company crossing the line does to its investors' {@code unicorns_held}. A batch is
 * a few statements whatever its size: lock, read, upsert, move the holders.
 */
@Singleton
class CompanyValuations {
    /**
     * The companies' rows, in id order as every round writer locks them: a round recorded, corrected or imported
     * for one of them waits until this batch committed and then sees its statuses, and this batch waits for such a
     * round and then counts its investors. A company funding-service does not know has no row; nothing links to it.
     */
    private static final String LOCK = "select id from company where id = any (?::uuid[]) order by id for update";
    private static final String READ = """
            select company_id, unicorn_status, left_reason from company_valuation where company_id = any (?::uuid[])""";
    private static final String WRITE = """
            insert into company_valuation (company_id, valuation_usd, as_of, basis, unicorn_status, left_reason, updated_at)
            select v.company_id, v.usd, v.as_of::date, v.basis, v.status, v.left_reason, now()
            from unnest(?::uuid[], ?::numeric[], ?::text[], ?::text[], ?::text[], ?::text[])
                 as v (company_id, usd, as_of, basis, status, left_reason)
            on conflict (company_id) do update set valuation_usd = excluded.valuation_usd, as_of = excluded.as_of,
                basis = excluded.basis, unicorn_status = excluded.unicorn_status, left_reason = excluded.left_reason,
                updated_at = excluded.updated_at""";

    private final TransactionOperations<Connection> transactions;
    private final UnicornHoldings holdings;

    CompanyValuations(TransactionOperations<Connection> transactions, UnicornHoldings holdings) {
        this.transactions = transactions;
        this.holdings = holdings;
    }

    /**
     * Applies the changes in their order: each company ends with its last change's valuation and status, and its
     * holders move once by the net crossing (a company that left and came back within the batch moves nobody).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    void apply(List<ValuationChanged> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Connection connection = (Connection) transactions.findTransactionStatus().orElseThrow().getConnection();
        Map<UUID, Stored> before = new TreeMap<>();
        changes.forEach(change -> before.put(change.companyId(), null));
        try {
            try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
                lock.setArray(1, connection.createArrayOf("uuid", before.keySet().toArray()));
                lock.executeQuery().close();
            }
            try (PreparedStatement read = connection.prepareStatement(READ)) {
                read.setArray(1, connection.createArrayOf("uuid", before.keySet().toArray()));
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        before.put(rows.getObject(1, UUID.class),
                                new Stored(UnicornStatus.valueOf(rows.getString(2)), rows.getString(3)));
                    }
                }
            }
            Map<UUID, Row> after = new LinkedHashMap<>();
            for (ValuationChanged change : changes) {
                Row previous = after.get(change.companyId());
                Stored stored = before.get(change.companyId());
                String leftBefore = previous != null ? previous.leftReason() : stored == null ? null : stored.leftReason();
                after.put(change.companyId(), Row.of(change, leftBefore));
            }
            write(connection, after.values());
            Map<UUID, Integer> crossed = new TreeMap<>();
            after.forEach((company, row) -> {
                Stored stored = before.get(company);
                boolean was = stored != null && stored.status().counted();
                boolean is = row.status().counted();
                if (was != is) {
                    crossed.put(company, is ? 1 : -1);
                }
            });
            holdings.crossed(crossed);
        } catch (SQLException e) {
            throw new IllegalStateException("could not apply " + changes.size() + " valuation changes", e);
        }
    }

    private static void write(Connection connection, java.util.Collection<Row> rows) throws SQLException {
        List<Row> list = new ArrayList<>(rows);
        try (PreparedStatement write = connection.prepareStatement(WRITE)) {
            write.setArray(1, connection.createArrayOf("uuid", list.stream().map(Row::companyId).toArray()));
            write.setArray(2, connection.createArrayOf("numeric", list.stream().map(Row::usd).toArray()));
            write.setArray(3, connection.createArrayOf("text", list.stream()
                    .map(row -> row.asOf() == null ? null : row.asOf().toString()).toArray()));
            write.setArray(4, connection.createArrayOf("text", list.stream().map(Row::basis).toArray()));
            write.setArray(5, connection.createArrayOf("text", list.stream().map(row -> row.status().name()).toArray()));
            write.setArray(6, connection.createArrayOf("text", list.stream().map(Row::leftReason).toArray()));
            write.executeUpdate();
        }
    }

    private record Stored(UnicornStatus status, @Nullable String leftReason) {
    }

    /**
     * A company's copy after a change. Its status is the change's {@code statusAfter}, which valuation-service sets
     * to NONE for an exited or closed company even while its valuation stands; why it left is kept until it is back.
     */
    private record Row(UUID companyId, @Nullable java.math.BigDecimal usd, @Nullable java.time.LocalDate asOf,
                       @Nullable String basis, UnicornStatus status, @Nullable String leftReason) {
        static Row of(ValuationChanged change, @Nullable String leftBefore) {
            String left = switch (change.transition()) {
                case LEFT -> change.leftReason();
                case ENTERED -> null;
                case UNCHANGED -> change.statusAfter().counted() ? null : leftBefore;
            };
            return new Row(change.companyId(), change.currentUsd(), change.asOf(), change.basis(),
                    change.statusAfter(), left);
        }
    }
}
