package io.aigcwatch.funding;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.aigcwatch.funding.Http.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One company, one id, however a source spells its name: invisible characters, widths and spacing do not count. */
class CompanyIdentityTest extends FundingApiTest {
    @Test
    void invisibleAndFullWidthSpellingsAreTheExistingCompanyAndItsRoundIsADuplicate() throws Exception {
        HttpResponse<String> first = http.post("/funding-events",
                Rounds.round("OpenAI", "SERIES_E", "10000000000", "USD", "2023-01-23"));
        assertEquals(201, first.statusCode(), first.body());
        String openAi = (String) at(http.map(first.body()), "company.id");

        for (String spelling : List.of("Open\u200BAI", "\uFEFFOpenAI", "Open\u00ADAI", "\u202EOpenAI", "ＯｐｅｎＡＩ",
                "\u200EOpen\u2060AI\u200F ")) {
            assertEquals(openAi, register(spelling, null), spelling);
            HttpResponse<String> again = http.post("/funding-events",
                    Rounds.round(spelling, "SERIES_E", "10000000000", "USD", "2023-01-30"));
            assertEquals(409, again.statusCode(), spelling + ": " + again.body());
            assertEquals(http.map(first.body()).get("id"), http.map(again.body()).get("existing"), spelling);
            assertEquals(1, items("/funding-events?company=" + encode(spelling)).size(), spelling);
        }
        HttpResponse<String> distinct = http.post("/funding-events",
                Rounds.round("Open\u200BAI", "SERIES_E", "10000000000", "USD", "2023-01-30")
                        .replace("\"source\"", "\"distinctRound\": true, \"source\""));
        assertEquals(201, distinct.statusCode(), distinct.body());
        assertEquals(openAi, at(http.map(distinct.body()), "company.id"),
                "its valuation moves the one company that valuation-service counts as a unicorn");
        assertEquals("OpenAI", at(http.map(distinct.body()), "company.name"));
        assertEquals(1, infra.queryLong("select count(*) from funding.company where lower(name) = 'openai'"),
                "no second company, so no second unicorn");
        assertEquals(2, infra.queryLong("select count(*) from funding.funding_round"
                + " where company_id = cast('" + openAi + "' as uuid)"));
        assertEquals(0, infra.queryLong("select count(*) from funding.outbox where payload like '%Open\u200BAI%'"));
    }

    @Test
    void repeatedAndUnicodeSpacesAreOneSpace() throws Exception {
        String openAi = register("Open AI Labs", null);
        for (String spelling : List.of("  Open   AI Labs ", "Open\u00A0AI\u3000Labs", "Open \u200B AI\u2003Labs",
                "ｏｐｅｎ　ａｉ　ｌａｂｓ")) {
            assertEquals(openAi, register(spelling, null), spelling);
        }
        assertEquals(1, infra.queryLong("select count(*) from funding.company where name like 'Open AI Labs'"));
    }

    @Test
    void namesAndLocalNamesAreStoredCleanAndLocalNamesMatchCleaned() throws Exception {
        String zhipu = register("\uFEFFZhipu\u200B  AI ", "智谱\u200BＡＩ");
        Map<String, Object> company = http.map(http.get("/companies/" + zhipu).body());
        assertEquals("Zhipu AI", at(company, "company.name"));
        assertEquals("智谱AI", at(company, "company.localName"));
        assertEquals(1, infra.queryLong("select count(*) from funding.company where name = 'Zhipu AI' and local_name = '智谱AI'"
                + " and normalized_name = 'zhipu ai'"));

        assertEquals(zhipu, register("Beijing Zhipu Huazhang", "\u202A智谱ＡＩ\u202C"), "found by its local name");
        assertEquals(zhipu, register("Zhipu AI", "智谱 AI"), "found by its name, whatever the local name says");
    }

    @Test
    void investorsAreReadLikeCompaniesSoOneIsNotListedTwice() {
        String twice = Rounds.round("Investor Check AI", "SEED", "1000000", "USD", "2022-02-02")
                .replace("\"Other Fund\"", "\"Ｅｘａｍｐｌｅ\u200B Capital\"");
        HttpResponse<String> refused = http.post("/funding-events", twice);
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals("investors[1].name", at(http.map(refused.body()), "errors.0.field"));

        String hidden = Rounds.round("Investor Check AI", "SEED", "1000000", "USD", "2022-02-02")
                .replace("\"Other Fund\"", "\"\uFEFFOther\u00AD Fund \"");
        HttpResponse<String> created = http.post("/funding-events", hidden);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("Other Fund", at(http.map(created.body()), "investors.1.name"));
    }

    @Test
    void aNameOfOnlyInvisibleCharactersOrTooLongOnceNormalisedIsRefused() throws Exception {
        HttpResponse<String> invisible = http.post("/companies",
                body(Map.of("name", "\u200B\uFEFF\u00AD", "country", "US", "layer", "MODEL")));
        assertEquals(422, invisible.statusCode(), invisible.body());
        assertEquals("company.name", at(http.map(invisible.body()), "errors.0.field"));
        assertEquals(0, infra.queryLong("select count(*) from funding.company where name = ''"));

        HttpResponse<String> expands = http.post("/companies",
                body(Map.of("name", "\u337F".repeat(60), "country", "JP", "layer", "MODEL")));
        assertEquals(422, expands.statusCode(), "60 characters that NFKC makes 240: " + expands.body());
        assertEquals("company.name", at(http.map(expands.body()), "errors.0.field"));
    }

    private String register(String name, String localName) {
        Map<String, Object> company = new HashMap<>(Map.of("name", name, "country", "US", "layer", "MODEL"));
        if (localName != null) {
            company.put("localName", localName);
        }
        HttpResponse<String> registered = http.post("/companies", body(company));
        assertTrue(registered.statusCode() == 200 || registered.statusCode() == 201, registered.body());
        return (String) http.map(registered.body()).get("id");
    }

    private List<?> items(String path) {
        HttpResponse<String> listed = http.get(path);
        assertEquals(200, listed.statusCode(), listed.body());
        return (List<?>) http.map(listed.body()).get("items");
    }

    private String body(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
