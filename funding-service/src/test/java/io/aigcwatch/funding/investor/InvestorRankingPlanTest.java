package io.aigcwatch.funding.investor;

import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every ranking of {@code GET /investors} ({@code sort=rounds|leads|usd|unicorns}) reads its own index from the
 * cursor's position on at 100,000 investors, first page and later ones alike, never a scan and sort of the table: a
 * page costs its rows.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvestorRankingPlanTest implements TestPropertyProvider {
    /** InvestorRepository's rankings, the column and cast of each, the parameters bound in place for EXPLAIN. */
    private static final String RANKING = """
            select * from investor
            where rounds > 0 and (cast(%2$s as %1$s) is null
                   or (%3$s, id) < (cast(%2$s as %1$s), '%4$s'))
            order by %3$s desc, id desc limit 101""";
    private static final Map<String, String> INDEX_OF_COLUMN = Map.of("rounds", "investor_by_rounds",
            "leads", "investor_by_leads", "rounds_usd", "investor_by_usd", "unicorns_held", "investor_by_unicorns");

    private final TestInfra infra = RealInfraExtension.forClass(InvestorRankingPlanTest.class);

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    /** As many investors as a large import names, most holding no unicorn, a few dozens of them. */
    @BeforeAll
    void load() throws SQLException {
        try (Connection connection = infra.connect(); Statement statement = connection.createStatement()) {
            statement.execute("set search_path to funding");
            statement.execute("""
                    insert into investor (id, name, normalized_name, search_key, rounds, leads, rounds_usd,
                                          unicorns_held)
                    select gen_random_uuid(), md5(g::text), md5(g::text), '|' || md5(g::text) || '|',
                           1 + g % 40, g % 7, (g % 500) * 1000000, case when g % 10 = 0 then g % 60 else 0 end
                    from generate_series(1, 100000) g""");
            statement.execute("analyze investor");
        }
    }

    @Test
    void everyPageIsReadFromTheIndex() throws SQLException {
        for (Map.Entry<String, String> ranking : INDEX_OF_COLUMN.entrySet()) {
            String column = ranking.getKey();
            String type = column.equals("rounds_usd") ? "numeric" : "bigint";
            for (String query : new String[]{
                    RANKING.formatted(type, "null", column, "00000000-0000-0000-0000-000000000000"),
                    RANKING.formatted(type, "12", column, "7fffffff-ffff-ffff-ffff-ffffffffffff")}) {
                String plan = plan(query);
                assertTrue(plan.contains(ranking.getValue()), plan);
                assertFalse(plan.contains("Seq Scan"), plan);
                assertFalse(plan.contains("Sort"), "the index gives the order: " + plan);
            }
        }
    }

    private String plan(String query) throws SQLException {
        try (Connection connection = infra.connect(); Statement statement = connection.createStatement()) {
            statement.execute("set search_path to funding");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery("explain " + query)) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
