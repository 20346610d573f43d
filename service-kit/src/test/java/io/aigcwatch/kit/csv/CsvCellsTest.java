package io.aigcwatch.kit.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one formula guard every service's CSV export uses, and the table printer. */
class CsvCellsTest {

    @Test
    void textThatCouldStartAFormulaGetsAnApostropheAndOtherTextDoesNot() {
        for (String hostile : List.of("=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tTabbed", "\rReturned",
                "＝1", "＋1", "－1", "＠SUM(A1)")) {
            assertEquals("'" + hostile, CsvCells.text(hostile));
        }
        assertEquals("OpenAI", CsvCells.text("OpenAI"));
        assertEquals("a=b", CsvCells.text("a=b"));
        assertEquals("", CsvCells.text(null));
        assertEquals("'=1+1;TEXT;'-X", CsvCells.list(List.of("=1+1", "TEXT", "-X")));
        assertEquals("-2.5", CsvCells.plain(new BigDecimal("-2.5")), "a negative number stays a number");
        assertEquals("1000000000", CsvCells.plain(new BigDecimal("1E+9")));
    }

    @Test
    void aTableIsPrintedAsRfc4180WithItsHeader() throws IOException {
        String csv = CsvTable.print(new String[]{"name", "usd"},
                List.of(List.of(CsvCells.text("=HYPERLINK(\"x\")"), "1"), List.of("Line\nbreak, comma", "2")));

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertEquals(2, rows.size(), csv);
        assertEquals("'=HYPERLINK(\"x\")", rows.get(0).get("name"));
        assertEquals("Line\nbreak, comma", rows.get(1).get("name"));
        assertEquals("2", rows.get(1).get("usd"));
    }
}
