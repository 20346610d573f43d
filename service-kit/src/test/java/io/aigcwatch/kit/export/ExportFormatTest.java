package io.aigcwatch.kit.export;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Accept chooses the representation; JSON stays the default. */
class ExportFormatTest {

    @Test
    void jsonStaysTheDefaultAndOnlyANamedExportFormatIsChosen() {
        assertEquals(ExportFormat.JSON, ExportFormat.requested(null));
        assertEquals(ExportFormat.JSON, ExportFormat.requested("text/html,application/xhtml+xml,*/*;q=0.8"));
        assertEquals(ExportFormat.JSON, ExportFormat.requested("application/json"));
        assertEquals(ExportFormat.CSV, ExportFormat.requested("Text/CSV"));
        assertEquals(ExportFormat.NDJSON, ExportFormat.requested("application/x-ndjson"));
        assertEquals(ExportFormat.JSON, ExportFormat.requested("application/json, text/csv"),
                "a generated client lists every type an operation produces; JSON wins the tie");
        assertEquals(ExportFormat.CSV, ExportFormat.requested("text/csv, */*;q=0.1"));
        assertEquals(ExportFormat.NDJSON, ExportFormat.requested("application/json;q=0.5, application/x-ndjson"));
        assertEquals(ExportFormat.JSON, ExportFormat.requested("text/csv;q=0, */*"));
        assertEquals(ExportFormat.JSON, ExportFormat.requested("text/csv;q=oops"));
        assertEquals("attachment; filename=\"unicorns.csv\"", ExportFormat.CSV.contentDisposition("unicorns"));
        assertEquals("text/csv; charset=utf-8", ExportFormat.CSV.contentType());
    }
}
