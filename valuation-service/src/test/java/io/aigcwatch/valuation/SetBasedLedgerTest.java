package io.aigcwatch.valuation;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.aigcwatch.valuation.ledger.FundingChange;
import io.aigcwatch.valuation.ledger.ValuationLedger;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The set-based ledger against the same changes applied one at a time: a mixed batch of recordings, corrections,
 * a correction that drops the valuation, company moves, retractions, older and equal versions arriving again under
 * new event ids, out-of-order versions and two points of one date applied as one batch must leave exactly the rows
 * and publish exactly the valuation.changed events (in order) that one transaction per change leaves and publishes.
 * Each run has companies and rounds of its own; ids are compared by their label.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SetBasedLedgerTest implements TestPropertyProvider {
    private static final LocalDate JAN = LocalDate.of(2024, 1, 10);
    private static final LocalDate MAR = LocalDate.of(2024, 3, 10);
    private static final LocalDate JUN = LocalDate.of(2024, 6, 10);

    private final TestInfra infra = RealInfraExtension.forClass(SetBasedLedgerTest.class);

    @Inject
    ValuationLedger ledger;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    JsonMapper json;
    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    @Test
    void aMixedBatchLeavesAndPublishesWhatOneChangeAtATimeDoes() throws Exception {
        Run oneByOne = new Run();
        for (FundingChange change : oneByOne.changes) {
            transactions.executeWrite(status -> {
                ledger.apply(List.of(change));
                return null;
            });
        }
        Run batch = new Run();
        transactions.executeWrite(status -> {
            ledger.apply(batch.changes);
            return null;
        });

        oneByOne.labelPoints();
        batch.labelPoints();
        List<Map<String, Object>> published = oneByOne.published();
        assertTrue(published.size() >= 10, () -> "the changes move valuations often: " + published);
        assertEquals(published, batch.published(), "the same valuation.changed events, in the same order");
        assertEquals(oneByOne.logged(), batch.logged(), "the same change log");
        assertEquals(published, oneByOne.logged(), "the log holds what the outbox does");
        for (String table : List.of("company_valuation", "valuation_point", "round_version", "company")) {
            assertEquals(oneByOne.rows(table), batch.rows(table), table);
        }
        assertEquals("[C 5000000000.00 UNICORN, D 1200000000.00 UNICORN]", batch.unicorns());
    }

    /** The unicorn totals the ledger keeps are what a scan of the current valuations counts, and the endpoint says so. */
    @Test
    @SuppressWarnings("unchecked")
    void theKeptUnicornTotalsAreWhatAScanCounts() throws Exception {
        for (int run = 0; run < 3; run++) {
            Run changes = new Run();
            transactions.executeWrite(status -> {
                ledger.apply(changes.changes);
                return null;
            });
        }
        String scan = "select v.status, trim(c.country) as country, c.layer, count(*) as companies, sum(v.usd) as usd "
                + "from valuation.company_valuation v join valuation.company c on c.id = v.company_id "
                + "where v.status <> 'NONE' group by 1, 2, 3 order by 1, 2, 3";
        List<Map<String, String>> scanned = query(scan);
        assertTrue(scanned.stream().anyMatch(row -> "CN".equals(row.get("country"))), "a unicorn moved country: "
                + scanned);
        assertEquals(scanned, query("select status, country, layer, companies, usd from valuation.unicorn_stat "
                + "where companies <> 0 order by 1, 2, 3"));

        Api api = new Api(server.getURI(), json);
        Map<String, Object> stats = api.get("/unicorn-stats");
        List<Map<String, Object>> unicorns = (List<Map<String, Object>>) api.get("/unicorns").get("items");
        assertEquals(unicorns.size(), ((Number) stats.get("count")).intValue());
        assertEquals(0, unicorns.stream().map(item -> new java.math.BigDecimal(item.get("usd").toString()))
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add)
                .compareTo(new java.math.BigDecimal(stats.get("totalValuationUsd").toString())));
        // runs repeat names and figures, so ties are compared by what decides the order
        Function<List<Map<String, Object>>, List<String>> ranked = items -> items.stream()
                .map(item -> item.get("name") + " " + item.get("usd")).toList();
        assertEquals(ranked.apply(unicorns.subList(0, Math.min(10, unicorns.size()))),
                ranked.apply((List<Map<String, Object>>) stats.get("top")));
    }

    /** The changes, over companies and rounds of this run's own; labels name them in what is compared. */
    private final class Run {
        final Map<String, String> labels = new LinkedHashMap<>();
        final Map<String, CompanyData> companies = new LinkedHashMap<>();
        final Map<String, UUID> rounds = new LinkedHashMap<>();
        final List<FundingChange> changes = new ArrayList<>();

        Run() {
            List<String> names = List.of("A", "B", "C", "D");
            for (String name : names) {
                // ids in the order of the names in both runs: companies recomputed together go in id order
                UUID id = new UUID(names.indexOf(name) + 1, UUID.randomUUID().getLeastSignificantBits());
                CompanyData company = new CompanyData(id, "Set Based " + name, null, "US", Layer.MODEL,
                        List.of());
                companies.put(name, company);
                labels.put(company.id().toString(), name);
            }
            for (int i = 1; i <= 6; i++) {
                UUID round = UUID.randomUUID();
                rounds.put("R" + i, round);
                labels.put(round.toString(), "R" + i);
            }
            round("R1", 1, "A", "2000000000", JAN);            // A enters
            round("R2", 1, "B", "500000000", JAN);
            round("R1", 2, "B", "2000000000", JAN);            // moved: A leaves, B enters
            round("R1", 1, "A", "2000000000", JAN);            // an older version again: nothing
            round("R3", 1, "A", "1500000000", MAR);            // A enters again
            round("R3", 2, "A", null, MAR);                    // corrected without a valuation: A leaves
            round("R2", 2, "B", "3000000000", MAR);            // B up
            round("R2", 2, "B", "3000000000", MAR);            // the same version again: nothing
            retract("R2", 3, "B");                             // B back to R1
            round("R2", 2, "B", "3000000000", MAR);            // older than the retraction: nothing
            round("R4", 2, "C", "5000000000", MAR);            // v2 first
            round("R4", 1, "D", "1000000000", MAR);            // v1 later: nothing, D never valued
            round("R1", 3, "C", "900000000", JUN);             // moved again: B leaves, C down to its latest
            round("R5", 1, "D", "2000000000", JUN);            // D enters
            round("R6", 1, "D", "1200000000", JUN);            // same date, recorded later: D's current
            round("R1", 4, "C", "900000000", JAN);             // R1 dated before R4: C is at R4 again
            companies.put("D", new CompanyData(companies.get("D").id(), "Set Based D", null, "CN",
                    Layer.APPLICATION, List.of()));
            round("R6", 2, "D", "1200000000", JUN);            // D's country and layer corrected: its count moves
        }

        private void round(String round, long version, String company, String usd, LocalDate on) {
            FundingRoundData data = FundingEvents.round(companies.get(company), rounds.get(round), version, usd, on);
            changes.add(new FundingChange.Round(event(), data));
        }

        private void retract(String round, long version, String company) {
            changes.add(new FundingChange.Retraction(event(), new FundingRetracted(rounds.get(round),
                    companies.get(company).id(), version, "test")));
        }

        private UUID event() {
            UUID id = UUID.randomUUID();
            labels.put(id.toString(), "E" + labels.size());
            return id;
        }

        /** Points get random ids: each is labelled by its round. */
        void labelPoints() throws Exception {
            for (Map<String, String> point : query("select id, cause_id from valuation.valuation_point where company_id in ("
                    + companyList() + ")")) {
                labels.put(point.get("id"), "P" + label(point.get("cause_id")));
            }
        }

        List<Map<String, Object>> published() throws Exception {
            return payloads("select payload from valuation.outbox where event_type = 'valuation.changed' "
                    + "and message_key in (" + companyList() + ") order by seq");
        }

        List<Map<String, Object>> logged() throws Exception {
            return payloads("select payload from valuation.valuation_change where company_id in (" + companyList()
                    + ") order by seq");
        }

        @SuppressWarnings("unchecked")
        private List<Map<String, Object>> payloads(String sql) throws Exception {
            List<Map<String, Object>> data = new ArrayList<>();
            for (Map<String, String> row : query(sql)) {
                data.add((Map<String, Object>) json.readValue(label(row.get("payload")), Map.class).get("data"));
            }
            return data;
        }

        /** The run's rows of a table, labelled, without the columns that only say when. */
        List<Map<String, String>> rows(String table) throws Exception {
            String where = switch (table) {
                case "round_version" -> "round_id in (" + idList(rounds.values().stream().map(UUID::toString).toList()) + ")";
                case "company" -> "id in (" + companyList() + ")";
                default -> "company_id in (" + companyList() + ")";
            };
            List<Map<String, String>> rows = query("select * from valuation." + table + " where " + where);
            rows.forEach(row -> {
                row.keySet().removeIf(column -> column.endsWith("_at"));
                row.replaceAll((column, value) -> value == null ? null : label(value));
            });
            rows.sort(java.util.Comparator.comparing(Object::toString));
            return rows;
        }

        String unicorns() throws Exception {
            return query("select company_id, usd, status from valuation.company_valuation where status <> 'NONE' "
                    + "and company_id in (" + companyList() + ") order by usd desc").stream()
                    .map(row -> label(row.get("company_id")) + " " + row.get("usd") + " " + row.get("status"))
                    .toList().toString();
        }

        /** Every id of this run replaced by its label. */
        private String label(String text) {
            String labelled = text;
            for (Map.Entry<String, String> id : labels.entrySet()) {
                labelled = labelled.replace(id.getKey(), id.getValue());
            }
            return labelled;
        }

        private String companyList() {
            return idList(companies.values().stream().map(company -> company.id().toString()).toList());
        }
    }

    private static String idList(List<String> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    }

    private List<Map<String, String>> query(String sql) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Connection connection = infra.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    row.put(meta.getColumnName(column), result.getString(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
