package io.aigcwatch.valuation;

import io.aigcwatch.testkit.TestCredential;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.Refusals;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Valuation marks on the real database and broker, with funding-service's HTTP answers from a stand-in. */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValuationMarksTest {
    /** Far more than a bounded refusal takes on a busy machine; a billion-digit toPlainString() takes minutes. */
    private static final Duration AT_ONCE = Duration.ofSeconds(2);
    private static final String[] TABLES = {"valuation.company", "valuation.valuation_point",
            "valuation.company_valuation", "valuation.valuation_change", "(select id, payload from valuation.outbox)"};

    private EmbeddedServer funding;
    private EmbeddedServer valuation;
    private Api api;
    private TestInfra infra;

    @BeforeAll
    void start(TestInfra infra) {
        this.infra = infra;
        funding = ApplicationContext.run(EmbeddedServer.class, Map.of("test.funding-stand-in", "true",
                "micronaut.server.port", -1, "datasources.default.enabled", false, "flyway.enabled", false,
                "kafka.enabled", false, "aigcwatch.outbox.enabled", false,
                TestCredential.PROPERTY, TestCredential.VALUE), "stand-in");
        Map<String, Object> properties = new HashMap<>(infra.testProperties());
        properties.put("micronaut.http.services.funding.url", funding.getURI().toString());
        valuation = ApplicationContext.run(EmbeddedServer.class, properties);
        api = new Api(valuation.getURI(), valuation.getApplicationContext().getBean(JsonMapper.class));
        // a fresh JVM's first answer loads classes for a second or more; the timed refusals come after it
        assertEquals(422, post("{}").statusCode());
    }

    @AfterAll
    void stop() {
        valuation.close();
        funding.close();
    }

    @Test
    void aMarkIsConvertedCountedAndRecordedOnce() {
        String mark = """
                {"company": {"name": "OpenAI", "country": "US", "layer": "MODEL"},
                 "valuation": {"value": "20000000000", "currency": "USD"}, "asOf": "2023-01-23", "basis": "REPORTED",
                 "source": "https://example.org/report", "listedAs": "UNICORN"}""";
        HttpResponse<String> created = post(mark);
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(2.0e10, ((Number) map(created.body()).get("usd")).doubleValue());
        assertEquals(409, post(mark).statusCode(), "the same report loaded twice is one mark");

        Map<String, Object> unicorns = get("/unicorns");
        assertTrue(unicorns.get("items").toString().contains("OpenAI"), unicorns::toString);
        assertTrue(unicorns.get("items").toString().contains("DECACORN"), unicorns::toString);
    }

    @Test
    void aCompanyCalledAUnicornUnderTheLineIsExplainedNotCounted() {
        HttpResponse<String> created = post("""
                {"company": {"name": "Anthropic", "country": "US", "layer": "MODEL"},
                 "valuation": {"value": "2100000000", "currency": "CNY"}, "asOf": "2023-01-23",
                 "source": "report", "listedAs": "UNICORN"}""");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(3.0e8, ((Number) map(created.body()).get("usd")).doubleValue());
        Map<String, Object> unicorns = get("/unicorns");
        assertTrue(!unicorns.get("items").toString().contains("Anthropic"), unicorns::toString);
        String excluded = unicorns.get("excluded").toString();
        assertTrue(excluded.contains("Anthropic") && excluded.contains("USD 0.30B") && excluded.contains("under the USD 1B line"),
                excluded);
    }

    @Test
    void badMarksNameTheirFieldsAndFundingsCompanyErrorsComeBackUnderTheMarksNames() {
        HttpResponse<String> bad = post("""
                {"company": {"name": "X", "country": "ZZ", "layer": "MODEL"},
                 "valuation": {"value": "100", "currency": "USD"}, "asOf": "2023-01-23"}""");
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("company.country"), bad.body());
        HttpResponse<String> worse = post("""
                {"valuation": {"value": "-1"}, "asOf": "1980-01-01", "basis": "GUESSED"}""");
        assertEquals(422, worse.statusCode());
        for (String field : new String[]{"company", "valuation.value", "valuation.currency", "asOf", "basis"}) {
            assertTrue(worse.body().contains("\"field\":\"" + field + "\""), field + " in " + worse.body());
        }
    }

    /** Issue 11: a mark's value went to toPlainString() unbounded, so 1e1000000000 meant a billion digits. */
    @Test
    void aMarkOfAHugeOrTinyExponentIsRefusedAtOnceAndNamesTheValue() throws SQLException {
        Refusals refusals = Refusals.changingNoRow(AT_ONCE, infra, TABLES);
        for (String value : List.of("1e1000000000", "1e2000000", "-1e1000000000", "1e-1000000000",
                "\"1e1000000000\"", "1e19", "0.00001")) {
            refusals.expect("value " + value, "valuation.value", () -> post(mark(value, "https://example.org/r")));
        }
        refusals.assertAllRefused();
    }

    @Test
    void textsListsAndPagesOutOfBoundsNameTheirFieldAndChangeNothing() throws SQLException {
        Refusals refusals = Refusals.changingNoRow(AT_ONCE, infra, TABLES);
        refusals.expect("a source over 2000", "source", () -> post(mark("100", "x".repeat(2001))));
        refusals.expect("a company name over 200", "company.name",
                () -> post(mark("100", "r").replace("\"Bounded\"", "\"" + "x".repeat(201) + "\"")));
        refusals.expect("21 segments", "company.segments", () -> post(mark("100", "r").replace(
                "\"layer\": \"MODEL\"", "\"layer\": \"MODEL\", \"segments\": ["
                        + String.join(",", Collections.nCopies(21, "\"TEXT\"")) + "]")));
        refusals.expect("a currency of 4 letters", "valuation.currency",
                () -> post(mark("100", "r").replace("\"USD\"", "\"USDX\"")));
        refusals.expect("a page of 501", "limit", () -> api.getResponse("/valuation-changes?limit=501"));
        refusals.expect("a cursor that is no number", "cursor", () -> api.getResponse("/valuation-changes?cursor=1e1000000000"));
        refusals.expect("a negative cursor", "cursor", () -> api.getResponse("/valuation-changes?cursor=-1"));
        refusals.expect("a since over 40", "since", () -> api.getResponse("/valuation-changes?since=" + "x".repeat(41)));
        refusals.expect("an instant no database holds", "since",
                () -> api.getResponse("/valuation-changes?since=%2B1000000000-01-01T00:00:00Z"));
        refusals.expect("a country of 3 letters", "country", () -> api.getResponse("/unicorns?country=USA"));
        refusals.expect("a layer of 1000", "layer", () -> api.getResponse("/unicorns?layer=" + "x".repeat(1000)));
        refusals.assertAllRefused();
    }

    private static String mark(String value, String source) {
        return """
                {"company": {"name": "Bounded", "country": "US", "layer": "MODEL"},
                 "valuation": {"value": %s, "currency": "USD"}, "asOf": "2023-01-23", "source": "%s"}"""
                .formatted(value, source);
    }


    private HttpResponse<String> post(String body) {
        return api.post("/valuation-marks", body);
    }

    private Map<String, Object> get(String path) {
        return api.get(path);
    }

    private Map<String, Object> map(String body) {
        return api.map(body);
    }
}
