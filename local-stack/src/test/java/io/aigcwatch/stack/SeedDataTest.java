package io.aigcwatch.stack;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's facts as the seed files hold them, and the API bodies made of them. */
class SeedDataTest {

    @Test
    void theReportsEightForeignUnicornsBecomeMarksWithTheirSource() {
        List<CSVRecord> unicorns = SeedData.rows("seed/unicorns.csv");
        assertEquals(8, unicorns.size(), "the report counts 8, one of them under the line");
        Map<String, Object> openAi = SeedData.mark(unicorns.get(0));
        assertEquals(Map.of("name", "OpenAI", "country", "US", "layer", "MODEL"), openAi.get("company"));
        assertEquals(Map.of("value", "20000000000", "currency", "USD"), openAi.get("valuation"));
        assertEquals("UNICORN", openAi.get("listedAs"));
        assertTrue(unicorns.stream().allMatch(row -> row.get("source").startsWith("QbitAI")));
        assertTrue(unicorns.stream().anyMatch(row -> row.get("company").equals("Anthropic")
                && row.get("valuation_usd").equals("300000000")));
    }

    @Test
    void theChineseRoundsKeepWhatTheReportSaysOfTheirAmounts() {
        List<CSVRecord> rounds = SeedData.rows("seed/china-rounds.csv");
        assertEquals(9, rounds.size());
        Map<String, Object> xiaoice = SeedData.round(rounds.get(0));
        assertEquals(Map.of("currency", "CNY", "precision", "EXACT", "value", "1000000000"), xiaoice.get("amount"));
        assertEquals("小冰公司", ((Map<?, ?>) xiaoice.get("company")).get("localName"));
        Map<String, Object> zhipu = SeedData.round(rounds.get(2));
        assertEquals(Map.of("currency", "CNY", "precision", "UNDISCLOSED"), zhipu.get("amount"));
        Map<String, Object> tensOfMillions = SeedData.round(rounds.get(4));
        assertEquals(Map.of("currency", "CNY", "precision", "APPROXIMATE", "low", "10000000", "high", "100000000"),
                tensOfMillions.get("amount"));
        assertFalse(rounds.stream().anyMatch(row -> row.get("source").isBlank()));
    }
}
