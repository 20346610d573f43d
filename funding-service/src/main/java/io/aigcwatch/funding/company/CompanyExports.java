package io.aigcwatch.funding.company;

import io.aigcwatch.kit.csv.CsvTable;
import io.aigcwatch.kit.export.CursorExport;
import io.aigcwatch.kit.export.ExportFormat;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVPrinter;

import javax.sql.DataSource;
import java.io.InputStream;
import java.sql.ResultSet;
import java.util.List;

import static io.aigcwatch.kit.csv.CsvCells.list;
import static io.aigcwatch.kit.csv.CsvCells.text;

/** Every company in the list's order (by name), as CSV or NDJSON of the list's items, from one database cursor. */
@Singleton
class CompanyExports {
    static final String[] HEADER = {"id", "name", "local_name", "country", "layer", "segments", "created_at"};
    private static final int FETCH_SIZE = 1000;
    private static final String ALL_BY_NAME = "select * from company order by normalized_name";

    private final DataSource dataSource;
    private final JdbcOperations jdbc;
    private final JsonMapper json;

    CompanyExports(DataSource dataSource, JdbcOperations jdbc, JsonMapper json) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
    }

    InputStream open(ExportFormat format) {
        if (format == ExportFormat.CSV) {
            return new CursorExport(dataSource, ALL_BY_NAME, List.of(), CsvTable.headerLine(HEADER), csvRows(),
                    FETCH_SIZE);
        }
        return new CursorExport(dataSource, ALL_BY_NAME, List.of(), "",
                (row, chunk) -> chunk.append(json.writeValueAsString(company(row).toData())).append('\n'), FETCH_SIZE);
    }

    private CursorExport.RowEncoder csvRows() {
        StringBuilder record = new StringBuilder();
        CSVPrinter printer = CsvTable.printer(record);
        return (row, chunk) -> {
            Company company = company(row);
            printer.printRecord(company.id(), text(company.name()), text(company.localName()), company.country(),
                    company.layer(), list(company.segments()), company.createdAt());
            chunk.append(record);
            record.setLength(0);
        };
    }

    private Company company(ResultSet row) {
        return jdbc.readEntity(row, Company.class);
    }
}
