package io.aigcwatch.funding;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a client records comes out of the CSV export as text, never as a formula a spreadsheet would run. */
class CsvExportTest extends FundingApiTest {
    @Test
    void formulasInCompaniesInvestorsAndSourcesAreExportedAsText() throws IOException {
        String hostile = """
                {"company": {"name": "@SUM(A1)", "localName": "=1+1", "country": "CN", "layer": "MODEL",
                             "segments": ["TEXT", "IMAGE"]},
                 "round": "SEED",
                 "amount": {"value": "1000000", "currency": "USD"},
                 "announcedOn": "2024-02-02",
                 "investors": [{"name": "+cmd|' /C calc'!A0", "lead": true}, {"name": "-2+3", "lead": false}],
                 "source": "=HYPERLINK(\\"http://evil.example\\")"}
                """;
        HttpResponse<String> created = http.post("/funding-events", hostile);
        assertEquals(201, created.statusCode(), created.body());

        HttpResponse<String> csv = http.get("/funding-events?round=SEED", "Accept", "text/csv");
        assertEquals(200, csv.statusCode());
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertEquals(1, rows.size(), csv.body());
        CSVRecord row = rows.get(0);
        assertEquals("'@SUM(A1)", row.get("company"));
        assertEquals("'=1+1", row.get("company_local_name"));
        assertEquals("TEXT;IMAGE", row.get("segments"));
        assertEquals("'+cmd|' /C calc'!A0", row.get("lead_investors"));
        assertEquals("'-2+3", row.get("other_investors"));
        assertEquals("'=HYPERLINK(\"http://evil.example\")", row.get("source"));
        assertEquals("1000000", row.get("amount"));
    }

    /**
     * A body whose size is known up front was built whole before its first byte; an export is sent in chunks as its
     * pages are read, so it has no Content-Length (issue 12: a 125,000-row export timed out at the gateway).
     */
    @Test
    void anExportIsSentInChunksAsItIsRead() {
        HttpResponse<String> csv = http.get("/funding-events?country=JP", "Accept", "text/csv");

        assertEquals(200, csv.statusCode());
        assertEquals(Optional.of("chunked"), csv.headers().firstValue("Transfer-Encoding"));
        assertEquals(Optional.empty(), csv.headers().firstValue("Content-Length"));
        assertEquals(Optional.of("attachment; filename=\"funding-events.csv\""),
                csv.headers().firstValue("Content-Disposition"));
        assertTrue(csv.body().startsWith("id,version,status,company_id,"), csv.body());
    }
}
