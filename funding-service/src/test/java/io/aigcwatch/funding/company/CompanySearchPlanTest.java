package io.aigcwatch.funding.company;

import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.core.type.Argument;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The company search the service runs is planned on the GIN trigram index at 100,000 companies, never a scan of the
 * table, for a prefix, an initials-length query and a misspelling; and it answers the pinyin of a Chinese name.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompanySearchPlanTest implements TestPropertyProvider {
    private final TestInfra infra = RealInfraExtension.forClass(CompanySearchPlanTest.class);
    private DataSource dataSource;
    @Inject
    DataSource contextualDataSource;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    /**
     * 100,000 companies with names as varied as real ones (md5 digests: no word that most names share, which would
     * make a scan the cheaper plan), keys as SearchKeys writes them, and one Chinese name among them.
     */
    @BeforeAll
    void load() throws SQLException {
        dataSource = DelegatingDataSource.unwrapDataSource(contextualDataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    insert into company (id, name, normalized_name, country, layer, segments, created_at, search_key)
                    select gen_random_uuid(), md5(g::text), md5(g::text), 'US', 'MODEL', '[]',
                           now(), '|' || md5(g::text) || '|'
                    from generate_series(1, 100000) g""");
            try (PreparedStatement one = connection.prepareStatement("""
                    insert into company (id, name, normalized_name, country, layer, segments, created_at, search_key)
                    values (gen_random_uuid(), '智谱AI', '智谱ai', 'CN', 'MODEL', '[]', now(), ?)""")) {
                one.setString(1, SearchKeys.of("智谱AI", null, List.of()));
                one.executeUpdate();
            }
            statement.execute("analyze company");
        }
    }

    @Test
    void eachKindOfQueryIsPlannedOnTheTrigramIndex() {
        assertAll(List.of("zhipu", "zp", "c4ca42", "c4ca4238a0b9238x0dcc").stream().map(q -> (Executable) () -> {
            List<Map<String, Object>> nodes = planNodes(q);
            assertFalse(nodes.stream().anyMatch(node -> "Seq Scan".equals(node.get("Node Type"))
                    && "company".equals(node.get("Relation Name"))), () -> q + ": seq scan in " + nodes);
            assertTrue(nodes.stream().anyMatch(node -> "company_search".equals(node.get("Index Name"))),
                    () -> q + ": company_search not in " + nodes);
        }));
    }

    @Test
    void theSearchFindsTheChineseNameByItsPinyinAmongThem() throws SQLException {
        SearchQuery query = SearchQuery.of("zhipu");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement search = connection.prepareStatement(bound(query))) {
            try (ResultSet found = search.executeQuery()) {
                assertTrue(found.next());
                assertEquals(1, found.getInt("rank"), "a prefix of the pinyin term");
            }
        }
    }

    /** CompanyRepository#search's statement, with its parameters bound in place for EXPLAIN. */
    private static String bound(SearchQuery query) {
        return """
                select id, case when search_key like %2$s escape '\\' then 0
                                when search_key like %3$s escape '\\' then 1 else 2 end as rank,
                       word_similarity(%1$s, search_key) as score
                from company
                where search_key like %3$s escape '\\' or %1$s <%% search_key
                order by rank, score desc, normalized_name
                limit 100""".formatted(literal(query.q()), literal(query.exact()), literal(query.prefix()));
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> planNodes(String q) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection();
             Statement explain = connection.createStatement();
             ResultSet plan = explain.executeQuery("explain (format json) " + bound(SearchQuery.of(q)))) {
            plan.next();
            List<Map<String, Object>> document = json.readValue(plan.getString(1),
                    Argument.listOf(Argument.mapOf(String.class, Object.class)));
            List<Map<String, Object>> nodes = new ArrayList<>();
            collect((Map<String, Object>) document.get(0).get("Plan"), nodes);
            return nodes;
        }
    }

    @SuppressWarnings("unchecked")
    private static void collect(Map<String, Object> node, List<Map<String, Object>> nodes) {
        Map<String, Object> withoutChildren = new HashMap<>(node);
        withoutChildren.remove("Plans");
        nodes.add(withoutChildren);
        for (Object child : (List<Object>) node.getOrDefault("Plans", List.of())) {
            collect((Map<String, Object>) child, nodes);
        }
    }
}
