package io.aigcwatch.kit.csv;

import io.aigcwatch.kit.export.ExportFormat;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A CSV export of a table that is small by nature (the unicorns, one company's valuation history, a share table):
 * its rows are already read for the JSON answer, so they are printed whole. An export of a table that grows with
 * the data streams from a database cursor instead (funding-service's funding events and companies).
 */
public final class CsvTable {
    private CsvTable() {
    }

    /**
     * RFC 4180, what every CSV export of the suite writes; the header row first when one is given (an export that
     * prints its rows in pieces prints the header alone first, then its rows without one).
     */
    public static CSVPrinter printer(Appendable out, String... header) {
        try {
            return new CSVPrinter(out, header.length == 0 ? CSVFormat.RFC4180
                    : CSVFormat.RFC4180.builder().setHeader(header).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header row alone, as the first piece of an export that streams. */
    public static String headerLine(String... header) {
        return print(header, List.of());
    }

    /** @param rows cells already made safe by {@link CsvCells} */
    public static String print(String[] header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = printer(out, header)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A 200 with the CSV, its type and the file name a browser saves it under. */
    public static MutableHttpResponse<String> attachment(String baseName, String[] header, List<List<String>> rows) {
        return HttpResponse.ok(print(header, rows))
                .contentType(ExportFormat.CSV.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, ExportFormat.CSV.contentDisposition(baseName));
    }
}
