package io.aigcwatch.funding.round;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The list query the service runs, for each filter, is planned on an index at 200,000 rounds of 20,000 companies and
 * never scans funding_round whole (the investor filters, on 200,000 links to 2,000 investors, read round_investor's
 * index): its {@code EXPLAIN (FORMAT JSON)} is read node by node.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundQueryPlanTest implements TestPropertyProvider {
    static final UUID COMPANY = companyId(4242);
    private final TestInfra infra = RealInfraExtension.forClass(RoundQueryPlanTest.class);

    private DataSource dataSource;
    @Inject
    DataSource contextualDataSource;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    @BeforeAll
    void loadRounds() throws SQLException {
        // the test holds its own connections, outside any transaction of the service
        dataSource = DelegatingDataSource.unwrapDataSource(contextualDataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            long started = System.nanoTime();
            statement.execute(RoundQueryPlanTest.LOAD);
            System.out.printf("loaded 200,000 rounds in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            statement.execute("analyze company");
            statement.execute("analyze funding_round");
            statement.execute("analyze round_investor");
        }
    }

    private record Case(String name, RoundFilter filter, RoundCursor after, Set<String> expectedIndexes) {
    }

    static Stream<Case> filters() {
        LocalDate from = LocalDate.parse("2015-01-01");
        LocalDate to = LocalDate.parse("2015-03-31");
        RoundCursor cursor = new RoundCursor(LocalDate.parse("2016-06-01"), new UUID(0, 0));
        UUID investor = UUID.fromString("00000000-0000-0000-0001-000000000007");
        return Stream.of(
                new Case("investor", new RoundFilter(null, null, null, null, null, null, false, investor, null), null,
                        Set.of("round_investor_by_investor", "round_investor_pkey")),
                new Case("lead investor", new RoundFilter(null, null, null, null, null, null, false, null, investor),
                        null, Set.of("round_investor_by_investor", "round_investor_pkey")),
                new Case("no filter", filter(null, null, null, null, null, null), null, Set.of("funding_round_page")),
                new Case("company", filter(COMPANY, null, null, null, null, null), null,
                        Set.of("funding_round_company_page")),
                new Case("country", filter(null, "JP", null, null, null, null), null,
                        Set.of("funding_round_page", "funding_round_company_page")),
                new Case("layer", filter(null, null, Layer.APPLICATION, null, null, null), null,
                        Set.of("funding_round_page", "funding_round_company_page")),
                new Case("round", filter(null, null, null, RoundType.IPO, null, null), null,
                        Set.of("funding_round_type_page")),
                new Case("announced_on range", filter(null, null, null, null, from, to), null,
                        Set.of("funding_round_page")),
                new Case("from only", filter(null, null, null, null, from, null), null,
                        Set.of("funding_round_page")),
                new Case("with retracted", new RoundFilter(null, null, null, null, null, null, true), null,
                        Set.of("funding_round_page")),
                new Case("cursor", filter(null, null, null, null, null, null), cursor, Set.of("funding_round_page")),
                new Case("company and round", filter(COMPANY, null, null, RoundType.SEED, null, null), cursor,
                        Set.of("funding_round_company_page", "funding_round_duplicates")),
                new Case("country, layer and round", filter(null, "US", Layer.MODEL, RoundType.SERIES_B, from, to),
                        null, Set.of("funding_round_type_page", "funding_round_page", "funding_round_company_page",
                                "company_country", "company_layer")));
    }

    @Test
    void eachFilterIsPlannedOnAnIndexOfItsOwn() {
        assertAll(filters().map(c -> (Executable) () -> assertPlannedOnIndex(c.name(), c.filter(), c.after(),
                c.expectedIndexes())));
    }

    private void assertPlannedOnIndex(String name, RoundFilter filter, RoundCursor after, Set<String> expectedIndexes)
            throws SQLException, IOException {
        RoundQuery query = RoundQuery.of(filter, after, 51);
        List<Map<String, Object>> nodes = planNodes(query);

        assertFalse(nodes.stream().anyMatch(node -> "Seq Scan".equals(node.get("Node Type"))
                && "funding_round".equals(node.get("Relation Name"))), () -> name + ": seq scan in " + nodes);
        assertTrue(nodes.stream().anyMatch(node -> String.valueOf(node.get("Node Type")).contains("Index")
                        && expectedIndexes.contains(node.get("Index Name"))),
                () -> name + ": none of " + expectedIndexes + " in " + nodes);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> planNodes(RoundQuery query) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement explain = connection.prepareStatement("explain (format json) " + query.sql())) {
            query.bind(explain);
            try (ResultSet plan = explain.executeQuery()) {
                plan.next();
                List<Map<String, Object>> document = json.readValue(plan.getString(1),
                        Argument.listOf(Argument.mapOf(String.class, Object.class)));
                List<Map<String, Object>> nodes = new ArrayList<>();
                collect((Map<String, Object>) document.get(0).get("Plan"), nodes);
                return nodes;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void collect(Map<String, Object> node, List<Map<String, Object>> nodes) {
        Map<String, Object> withoutChildren = new java.util.HashMap<>(node);
        withoutChildren.remove("Plans");
        nodes.add(withoutChildren);
        for (Object child : (List<Object>) node.getOrDefault("Plans", List.of())) {
            collect((Map<String, Object>) child, nodes);
        }
    }

    private static RoundFilter filter(UUID companyId, String country, Layer layer, RoundType round, LocalDate from,
                                      LocalDate to) {
        return new RoundFilter(companyId, country, layer, round, from, to, false);
    }

    static UUID companyId(int n) {
        return UUID.fromString("00000000-0000-0000-0000-%012d".formatted(n));
    }

    /** 20,000 companies over 10 countries and 3 layers; 200,000 rounds over 15 years, one in 50 retracted. */
    static final String LOAD = """
            insert into company (id, name, normalized_name, country, layer, segments, created_at)
            select ('00000000-0000-0000-0000-' || lpad(g::text, 12, '0'))::uuid, 'Company ' || g, 'company ' || g,
                   (array['CN','US','JP','FR','DE','GB','KR','IN','IL','CA'])[1 + g % 10],
                   (array['INFRASTRUCTURE','MODEL','APPLICATION'])[1 + g % 3], '[]', now()
            from generate_series(1, 20000) g;
            insert into funding_round (id, company_id, version, status, round_type, amount_value, currency,
                                       amount_precision, usd_value, units_per_usd, rate_date, announced_on,
                                       investors, recorded_at, updated_at)
            select gen_random_uuid(), ('00000000-0000-0000-0000-' || lpad((1 + g % 20000)::text, 12, '0'))::uuid, 1,
                   case when g % 50 = 0 then 'RETRACTED' else 'ACTIVE' end,
                   (array['ANGEL','SEED','SERIES_A','SERIES_B','SERIES_C','SERIES_D','SERIES_E','SERIES_F_PLUS',
                          'STRATEGIC','IPO','UNDISCLOSED'])[1 + g % 11],
                   1000000 + g, 'USD', 'EXACT', 1000000 + g, 1, date '2010-01-01' + (g % 5400),
                   date '2010-01-01' + (g % 5400), '[]', now(), now()
            from generate_series(1, 200000) g;
            insert into round_investor (round_id, investor_id, lead)
            select id, ('00000000-0000-0000-0001-' || lpad((1 + abs(hashtext(id::text)) % 2000)::text, 12, '0'))::uuid,
                   abs(hashtext(id::text)) % 3 = 0
            from funding_round;
            """;
}
