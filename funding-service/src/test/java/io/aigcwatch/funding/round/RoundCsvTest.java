package io.aigcwatch.funding.round;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.DatePrecision;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.MoneyData;
import io.aigcwatch.events.funding.RoundType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Text that a spreadsheet would run as a formula comes out as text; numbers, negative ones too, stay numbers. */
class RoundCsvTest {

    @Test
    void everyTextCellThatCouldStartAFormulaIsGuardedAndNumbersAreNot() throws IOException {
        RoundView round = new RoundView(UUID.randomUUID(), 1, RoundStatus.ACTIVE,
                new CompanyData(UUID.randomUUID(), "@SUM(A1)", "＝1+1", "CN", Layer.MODEL, List.of("=1+1", "TEXT", "-X")),
                RoundType.SEED,
                new MoneyData(new BigDecimal("-2.5"), null, null, "USD", AmountPrecision.EXACT, new BigDecimal("-2.5"),
                        null, null, BigDecimal.ONE, LocalDate.of(2024, 1, 1)),
                null, LocalDate.of(2024, 1, 10), DatePrecision.DAY,
                Stream.of(new InvestorData("+cmd|' /C calc'!A0", true), new InvestorData("Plain Capital", true),
                        new InvestorData("-2+3", false), new InvestorData("\tTabbed", false),
                        new InvestorData("\rReturned", false), new InvestorData("＠Full", false))
                        .map(RoundView.RoundInvestor::of).toList(),
                "=HYPERLINK(\"http://evil.example\",\"click\")", null, Instant.now(), Instant.now(),
                List.of());

        StringWriter out = new StringWriter();
        try (CSVPrinter printer = RoundCsv.printer(out)) {
            RoundCsv.print(printer, round);
        }
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        assertEquals(1, rows.size(), out.toString());
        CSVRecord row = rows.get(0);
        assertEquals("'@SUM(A1)", row.get("company"));
        assertEquals("'＝1+1", row.get("company_local_name"));
        assertEquals("'=1+1;TEXT;'-X", row.get("segments"));
        assertEquals("'+cmd|' /C calc'!A0;Plain Capital", row.get("lead_investors"));
        assertEquals("'-2+3;'\tTabbed;'\rReturned;'＠Full", row.get("other_investors"));
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"click\")", row.get("source"));
        assertEquals("-2.5", row.get("amount"), "a negative number is a number, not text to guard");
        assertEquals("-2.5", row.get("usd"));
    }
}
