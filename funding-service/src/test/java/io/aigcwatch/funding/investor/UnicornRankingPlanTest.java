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
 * {@code sort=unicorns} reads investor_by_unicorns from the cursor's position on at 100,000 investors, first page and
 * later ones alike, never a scan and sort of the table: a page costs its rows.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnicornRankingPlanTest implements TestPropertyProvider {
    /** InvestorRepository#byUnicorns, its parameters bound in place for EXPLAIN. */
    private static final String BY_UNICORNS = """
            select * from investor
            where rounds > 0 and (cast(%s as bigint) is null
                   or (unicorns_held, id) < (cast(%s as bigint), '%s'))
            order by unicorns_held desc, id desc limit 101""";

    private final TestInfra infra = RealInfraExtension.forClass(UnicornRankingPlanTest.class);

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
                    insert into investor (id, name, normalized_name, search_key, rounds, leads, unicorns_held)
                    select gen_random_uuid(), md5(g::text), md5(g::text), '|' || md5(g::text) || '|',
                           1 + g % 40, g % 7, case when g % 10 = 0 then g % 60 else 0 end
                    from generate_series(1, 100000) g""");
            statement.execute("analyze investor");
        }
    }

    @Test
    void everyPageIsReadFromTheIndex() throws SQLException {
        for (String query : new String[]{BY_UNICORNS.formatted("null", "null", "00000000-0000-0000-0000-000000000000"),
                BY_UNICORNS.formatted("12", "12", "7fffffff-ffff-ffff-ffff-ffffffffffff")}) {
            String plan = plan(query);
            assertTrue(plan.contains("investor_by_unicorns"), plan);
            assertFalse(plan.contains("Seq Scan"), plan);
            assertFalse(plan.contains("Sort"), "the index gives the order: " + plan);
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
