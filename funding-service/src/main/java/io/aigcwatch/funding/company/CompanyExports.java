package io.aigcwatch.funding.company;

import io.aigcwatch.kit.csv.CsvTable;
import io.aigcwatch.kit.export.CursorExport;
import io.aigcwatch.kit.export.ExportFormat;
import io.aigcwatch.kit.export.RowEncoders;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVPrinter;

import javax.sql.DataSource;
import java.io.IOException;
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
            return new CursorExport(dataSource, ALL_BY_NAME, List.of(), CsvTable.headerLine(HEADER),
                    RowEncoders.csv(this::print), FETCH_SIZE);
        }
        return new CursorExport(dataSource, ALL_BY_NAME, List.of(), "",
                RowEncoders.ndjson(json, row -> company(row).toData()), FETCH_SIZE);
    }

    private void print(ResultSet row, CSVPrinter printer) throws IOException {
        Company company = company(row);
        printer.printRecord(company.id(), text(company.name()), text(company.localName()), company.country(),
                company.layer(), list(company.segments()), company.createdAt());
    }

    private Company company(ResultSet row) {
        return jdbc.readEntity(row, Company.class);
    }
}
