package io.aigcwatch.funding.company;

import io.aigcwatch.funding.FundingApiTest;
import io.aigcwatch.funding.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /companies?q=} on the real servers: any script, pinyin and initials, ranked, each hit with its reason. */
class CompanySearchTest extends FundingApiTest {

    @BeforeAll
    void register() {
        register("智谱AI", null);
        register("Hyperparameter Tech", "超参数科技");
        register("Zhipu Robotics", null);
        register("Moonshot AI", "月之暗面");
        // registered by a round, through the registry's other write path
        HttpResponse<String> round = http.post("/funding-events", io.aigcwatch.funding.Rounds.round(
                "Deep Glint Vision", "SEED", "1000000", "USD", "2024-01-10"));
        assertEquals(201, round.statusCode(), round.body());
    }

    private void register(String name, String localName) {
        HttpResponse<String> created = http.post("/companies", """
                {"name": "%s", %s "country": "CN", "layer": "MODEL", "segments": ["TEXT"]}"""
                .formatted(name, localName == null ? "" : "\"localName\": \"" + localName + "\","));
        assertTrue(created.statusCode() == 200 || created.statusCode() == 201, created.body());
    }

    private List<Map<String, Object>> search(String q) {
        HttpResponse<String> found = http.get("/companies?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertEquals(200, found.statusCode(), found.body());
        return ((List<?>) http.map(found.body()).get("items")).stream().map(item -> (Map<String, Object>) item).toList();
    }

    private static String name(Map<String, Object> hit) {
        return Http.at(hit, "company.name").toString();
    }

    @Test
    void pinyinFindsAChineseNameAndAnEnglishNameRanksAheadWhereItIsExactOrPrefix() {
        List<Map<String, Object>> zhipu = search("zhipu");
        List<String> names = zhipu.stream().map(CompanySearchTest::name).toList();
        assertTrue(names.contains("智谱AI"), names.toString());
        Map<String, Object> chinese = zhipu.get(names.indexOf("智谱AI"));
        assertEquals("PREFIX", Http.at(chinese, "match.kind"));
        assertEquals("pinyin", Http.at(chinese, "match.field"));
        assertEquals("zhipuai", Http.at(chinese, "match.term"));

        Map<String, Object> exact = search("zhipuai").get(0);
        assertEquals("智谱AI", name(exact), "an exact term ranks first");
        assertEquals("EXACT", Http.at(exact, "match.kind"));
    }

    @Test
    void aLocalNameIsFoundByItsPinyinAndItsInitialsAndByItsCharacters() {
        Map<String, Object> hyper = search("chaocanshu").get(0);
        assertEquals("Hyperparameter Tech", name(hyper));
        assertEquals("pinyin", Http.at(hyper, "match.field"));
        assertEquals("Hyperparameter Tech", name(search("超参数").get(0)));
        assertEquals("localName", Http.at(search("超参数").get(0), "match.field"));
        List<String> byInitials = search("zp").stream().map(CompanySearchTest::name).toList();
        assertTrue(byInitials.contains("智谱AI"), byInitials.toString());
        assertEquals("initials", Http.at(search("yzam").get(0), "match.field"));
    }

    @Test
    void aMisspeltNameIsFoundBySimilarityAfterExactAndPrefixMatches() {
        List<Map<String, Object>> found = search("moonshat ai");
        assertEquals("Moonshot AI", name(found.get(0)), found.toString());
        assertEquals("SIMILAR", Http.at(found.get(0), "match.kind"));
        assertEquals("Deep Glint Vision", name(search("deep glint").get(0)), "a company a round registered has its key");
    }

    @Test
    void aLocalNameAndAnAliasGivenByAPatchAreSearchableAtOnce() {
        HttpResponse<String> created = http.post("/companies", """
                {"name": "Patched Search Co", "country": "CN", "layer": "APPLICATION", "segments": ["TEXT"]}""");
        String id = (String) http.map(created.body()).get("id");
        assertTrue(search("baichuan").isEmpty(), "nothing is named so yet");
        HttpResponse<String> patched = http.send("PATCH", "/companies/" + id,
                "{\"localName\": \"百川智能\", \"aliases\": [\"Baichuan AI\"]}", "If-Match", "\"1\"");
        assertEquals(200, patched.statusCode(), patched.body());

        Map<String, Object> byPinyin = search("baichuanzhineng").get(0);
        assertEquals("Patched Search Co", name(byPinyin));
        assertEquals("pinyin", Http.at(byPinyin, "match.field"));
        Map<String, Object> byAlias = search("baichuan ai").get(0);
        assertEquals("Patched Search Co", name(byAlias));
        assertEquals("alias", Http.at(byAlias, "match.field"));
    }

    @Test
    void aBadQueryIsAProblem() {
        for (String q : List.of("x".repeat(201), "\u200B")) {
            HttpResponse<String> refused = http.get("/companies?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertEquals(422, refused.statusCode(), refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
        }
        assertEquals(List.of(), search("%_"), "LIKE's wildcards match only themselves");
    }
}
