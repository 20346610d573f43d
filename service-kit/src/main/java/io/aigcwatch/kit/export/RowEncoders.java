package io.aigcwatch.kit.export;

import io.aigcwatch.kit.csv.CsvTable;
import io.micronaut.json.JsonMapper;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How a cursor export turns a row into a CSV record or an NDJSON line. */
public final class RowEncoders {
    @FunctionalInterface
    public interface CsvRecord {
        /** Prints the row's record; free text through {@code CsvCells.text}. */
        void print(ResultSet row, CSVPrinter printer) throws SQLException, IOException;
    }

    @FunctionalInterface
    public interface Document {
        /** The row as the JSON list shows it, so that a line is exactly an item of the list. */
        Object of(ResultSet row) throws SQLException;
    }

    private RowEncoders() {
    }

    /** The record is printed into a buffer of its own, then moved into the chunk being built. */
    public static CursorExport.RowEncoder csv(CsvRecord record) {
        StringBuilder printed = new StringBuilder();
        CSVPrinter printer = CsvTable.printer(printed);
        return (row, chunk) -> {
            record.print(row, printer);
            chunk.append(printed);
            printed.setLength(0);
        };
    }

    public static CursorExport.RowEncoder ndjson(JsonMapper json, Document document) {
        return (row, chunk) -> chunk.append(json.writeValueAsString(document.of(row))).append('\n');
    }
}
