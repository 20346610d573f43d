package io.aigcwatch.stack;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
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
        assertEquals(Map.of("name", "OpenAI", "country", "US", "layer", "MODEL", "segments", List.of("TEXT")),
                openAi.get("company"));
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

    @Test
    void theChineseRoundsAreKnownOnlyAsOnOrBeforeTheReportsDateUnderTheNamesTheCompaniesUse() {
        List<CSVRecord> rounds = SeedData.rows("seed/china-rounds.csv");
        for (CSVRecord row : rounds) {
            Map<String, Object> round = SeedData.round(row);
            assertEquals("BEFORE", round.get("announcedPrecision"), row.get("company"));
            assertEquals("2023-02-15", round.get("announcedOn"), row.get("company"));
            assertFalse(row.get("local_name").isBlank(), "the Chinese name is kept: " + row.get("company"));
        }
        Map<String, Object> zhipu = SeedData.round(rounds.get(2));
        assertEquals("Zhipu AI", ((Map<?, ?>) zhipu.get("company")).get("name"));
        assertEquals("智谱AI", ((Map<?, ?>) zhipu.get("company")).get("localName"));
    }

    @Test
    void everyTagNamesTheReportLineItComesFromAndNoLineIsWithoutItsTag() {
        for (String file : List.of("seed/unicorns.csv", "seed/china-rounds.csv")) {
            for (CSVRecord row : SeedData.rows(file)) {
                List<String> tags = SeedData.segments(row);
                String lines = row.get("segment_lines");
                List<String> tagged = lines.isBlank() ? List.of()
                        : Arrays.stream(lines.split(";")).map(line -> line.split("=")[0]).toList();
                assertEquals(tags, tagged, file + ": " + row.get("company"));
                assertTrue(lines.isBlank() || Arrays.stream(lines.split(";"))
                                .allMatch(line -> line.matches("[A-Z_]+=[1-9][0-9]*")),
                        file + ": " + row.get("company") + " " + lines);
            }
        }
        assertTrue(SeedData.rows("seed/unicorns.csv").stream().anyMatch(row -> !SeedData.segments(row).isEmpty()),
                "the report tags some of its companies");
    }
}
