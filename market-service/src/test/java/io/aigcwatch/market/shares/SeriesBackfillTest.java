package io.aigcwatch.market.shares;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.DatePrecision;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.MoneyData;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The quarterly series that V6 builds from the rounds already counted are exactly what {@link Contribution} derives
 * from each round, so a later correction of one of those rounds takes out of the series what the migration put in.
 */
@ExtendWith(RealInfraExtension.class)
class SeriesBackfillTest {
    private static final String SCHEMA = "market_before_series";
    private final TestInfra infra = RealInfraExtension.forClass(SeriesBackfillTest.class);

    @Test
    void theMigrationBuildsTheSeriesCellsThatContributionsDerive() throws SQLException {
        flyway("5").migrate();
        List<Contribution> stored = List.of(
                Contribution.of(round(Layer.APPLICATION, "US", List.of("TEXT", "IMAGE", "DIRECT_CONTENT"), "100.01",
                        LocalDate.of(2024, 2, 3), DatePrecision.DAY)),
                Contribution.of(round(Layer.APPLICATION, "CN", List.of("VIDEO", "AUDIO", "CODE"), "100",
                        LocalDate.of(2024, 5, 6), DatePrecision.MONTH)),
                Contribution.of(round(Layer.MODEL, "CN", List.of(), "250000000", LocalDate.of(2024, 5, 30),
                        DatePrecision.DAY)),
                Contribution.of(round(Layer.MODEL, "US", List.of("TEXT"), null, LocalDate.of(2023, 12, 1),
                        DatePrecision.DAY)),
                Contribution.of(round(Layer.INFRASTRUCTURE, "US", List.of("TEXT"), "7000000", LocalDate.of(2023, 1, 1),
                        DatePrecision.YEAR)));
        try (Connection connection = infra.connect()) {
            for (Contribution contribution : stored) {
                insert(connection, contribution);
            }
        }

        flyway(null).migrate();

        Map<String, String> expected = new TreeMap<>();
        Map<String, long[]> rounds = new TreeMap<>();
        Map<String, BigDecimal> usd = new TreeMap<>();
        for (Contribution contribution : stored) {
            for (Contribution cell : contribution.seriesCells()) {
                String key = cell.buckets().get(0);
                rounds.computeIfAbsent(key, k -> new long[1])[0]++;
                usd.merge(key, cell.usd(), BigDecimal::add);
            }
        }
        rounds.forEach((key, count) -> expected.put(key.replace(Contribution.SEPARATOR, " "), count[0] + " "
                + usd.get(key).setScale(2)));
        assertEquals(expected, seriesCells());
        assertEquals("50.01", usd.get(FundingSeries.SEGMENT.key("2024-Q1", "TEXT")).toPlainString(),
                "two content types split the round's USD, to the cent");
        assertEquals(3, seriesCells().keySet().stream().filter(key -> key.startsWith("QUARTER_SEGMENT 2024-Q2")).count(),
                "three content types, three cells; a round of no content type is in none");
    }

    private static FundingRoundData round(Layer layer, String country, List<String> segments, String usd, LocalDate on,
                                          DatePrecision precision) {
        UUID companyId = UUID.randomUUID();
        BigDecimal value = usd == null ? null : new BigDecimal(usd);
        return new FundingRoundData(UUID.randomUUID(), 1, new CompanyData(companyId, "Co " + companyId, null, country,
                layer, segments), RoundType.SEED, new MoneyData(value, null, null, "USD",
                value == null ? AmountPrecision.UNDISCLOSED : AmountPrecision.EXACT, value, null, null,
                BigDecimal.ONE, on.withDayOfMonth(1)), null, on, List.of(new InvestorData("Lead", true)), "test",
                precision);
    }

    private Flyway flyway(String target) {
        return infra.migrations(SCHEMA, target);
    }

    private static void insert(Connection connection, Contribution contribution) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + SCHEMA + ".round_contribution"
                + " (round_id, version, buckets, usd) values (?, 1, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, contribution.encodedBuckets());
            insert.setBigDecimal(3, contribution.usd());
            insert.executeUpdate();
        }
    }

    /** Each series cell as "dimension bucket" -> "rounds usd". */
    private Map<String, String> seriesCells() throws SQLException {
        Map<String, String> cells = new TreeMap<>();
        try (Connection connection = infra.connect();
             PreparedStatement select = connection.prepareStatement("select dimension, bucket, rounds, usd from "
                     + SCHEMA + ".funding_aggregate where dimension like 'QUARTER\\_%'");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                cells.put(rows.getString(1) + " " + rows.getString(2), rows.getLong(3) + " "
                        + rows.getBigDecimal(4).setScale(2));
            }
        }
        return cells;
    }
}
