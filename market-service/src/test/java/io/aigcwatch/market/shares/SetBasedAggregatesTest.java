package io.aigcwatch.market.shares;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.MoneyData;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The set-based aggregates against the same changes applied one at a time: a mixed batch of recordings,
 * corrections, a company move, retractions, older and equal versions arriving again, and out-of-order versions must
 * move every bucket by exactly what one transaction per change moves it by, and leave the same contributions. Each
 * run has rounds and investors of its own; its investors' names carry the run's tag, which is compared untagged.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SetBasedAggregatesTest implements TestPropertyProvider {
    private final TestInfra infra = RealInfraExtension.forClass(SetBasedAggregatesTest.class);

    @Inject
    FundingAggregates aggregates;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    @Test
    void aMixedBatchMovesTheBucketsAsOneChangeAtATimeDoes() throws Exception {
        Map<String, String> start = buckets();
        Run oneByOne = new Run("one-by-one");
        for (FundingAggregates.Change change : oneByOne.changes) {
            transactions.executeWrite(status -> {
                aggregates.apply(List.of(change));
                return null;
            });
        }
        Map<String, String> afterOneByOne = buckets();
        Run batch = new Run("batch");
        transactions.executeWrite(status -> {
            aggregates.apply(batch.changes);
            return null;
        });
        Map<String, String> afterBatch = buckets();

        Map<String, String> moved = oneByOne.untag(delta(start, afterOneByOne));
        assertTrue(moved.containsKey("INVESTOR Lead tag") && moved.containsKey("COUNTRY JP"), moved::toString);
        assertEquals(moved, batch.untag(delta(afterOneByOne, afterBatch)), "every bucket moved by as much");
        assertEquals(oneByOne.contributions(), batch.contributions());
    }

    private final class Run {
        final String tag;
        final Map<String, UUID> rounds = new LinkedHashMap<>();
        final List<FundingAggregates.Change> changes = new ArrayList<>();

        Run(String tag) {
            this.tag = tag;
            for (int i = 1; i <= 4; i++) {
                rounds.put("R" + i, UUID.randomUUID());
            }
            round("R1", 1, "US", "100000000");                 // recorded
            round("R2", 1, "CN", "50000000");
            round("R1", 2, "JP", "120000000");                 // moved to a Japanese company, corrected up
            round("R1", 1, "US", "100000000");                 // an older version again: nothing
            round("R2", 1, "CN", "50000000");                  // the same version again: nothing
            retract("R2", 2);                                  // out of every bucket
            round("R2", 1, "CN", "50000000");                  // older than the retraction: nothing
            round("R3", 3, "GB", "70000000");                  // v3 first
            round("R3", 2, "US", "10000000");                  // v2 later: nothing
            round("R4", 1, "CN", null);                        // undisclosed: a round at USD 0
            round("R4", 2, "CN", "30000000");
        }

        private void round(String round, long version, String country, String usd) {
            CompanyData company = new CompanyData(UUID.randomUUID(), "Company " + country + " " + tag, null, country,
                    Layer.MODEL, List.of("TEXT"));
            MoneyData amount = usd == null
                    ? new MoneyData(null, null, null, "USD", AmountPrecision.UNDISCLOSED, null, null, null, null, null)
                    : new MoneyData(new BigDecimal(usd), null, null, "USD", AmountPrecision.EXACT, new BigDecimal(usd),
                    null, null, BigDecimal.ONE, LocalDate.of(2024, 2, 1));
            changes.add(FundingAggregates.Change.of(new FundingRoundData(rounds.get(round), version, company,
                    RoundType.SERIES_A, amount, null, LocalDate.of(2024, 2, 14),
                    List.of(new InvestorData("Lead " + tag, true), new InvestorData("Other " + round + " " + tag, false)),
                    "test")));
        }

        private void retract(String round, long version) {
            changes.add(FundingAggregates.Change.of(new FundingRetracted(rounds.get(round), UUID.randomUUID(), version,
                    "test")));
        }

        Map<String, String> untag(Map<String, String> buckets) {
            Map<String, String> untagged = new TreeMap<>();
            buckets.forEach((bucket, value) -> untagged.put(bucket.replace(tag, "tag"), value));
            return untagged;
        }

        /** Each round's contribution by its label, its buckets untagged. */
        Map<String, String> contributions() throws Exception {
            Map<String, String> rows = new TreeMap<>();
            for (Map.Entry<String, UUID> round : rounds.entrySet()) {
                try (Connection connection = infra.connect(); Statement statement = connection.createStatement();
                     ResultSet row = statement.executeQuery("select version, buckets, usd from market.round_contribution "
                             + "where round_id = '" + round.getValue() + "'")) {
                    assertTrue(row.next(), round.getKey());
                    rows.put(round.getKey(), row.getLong(1) + " " + row.getString(2).replace(tag, "tag") + " "
                            + row.getString(3));
                }
            }
            return rows;
        }
    }

    /** Every bucket as {@code DIMENSION bucket} to {@code rounds usd}. */
    private Map<String, String> buckets() throws Exception {
        Map<String, String> buckets = new TreeMap<>();
        try (Connection connection = infra.connect(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select dimension, bucket, rounds, usd from market.funding_aggregate")) {
            while (row.next()) {
                buckets.put(row.getString(1) + " " + row.getString(2), row.getLong(3) + " " + row.getBigDecimal(4).toPlainString());
            }
        }
        return buckets;
    }

    /** What each bucket gained between two readings, where it moved; a bucket that appeared counts from 0. */
    private static Map<String, String> delta(Map<String, String> before, Map<String, String> after) {
        Map<String, String> moved = new TreeMap<>();
        after.forEach((bucket, value) -> {
            String[] now = value.split(" ");
            String[] then = before.getOrDefault(bucket, "0 0").split(" ");
            long rounds = Long.parseLong(now[0]) - Long.parseLong(then[0]);
            BigDecimal usd = new BigDecimal(now[1]).subtract(new BigDecimal(then[1]));
            if (rounds != 0 || usd.signum() != 0) {
                moved.put(bucket, rounds + " " + usd.stripTrailingZeros().toPlainString());
            }
        });
        return moved;
    }
}
