package io.aigcwatch.funding.round;

import io.aigcwatch.funding.company.Company;
import io.aigcwatch.kit.csv.CsvTable;
import io.aigcwatch.kit.export.CursorExport;
import io.aigcwatch.kit.export.ExportFormat;
import io.aigcwatch.kit.export.RowEncoders;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.InputStream;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Every round a filter matches, as CSV or NDJSON, read from one database cursor (see {@link CursorExport}) in the
 * list's order. An NDJSON line is exactly an item of the JSON list.
 */
@Singleton
class RoundExports {
    private final DataSource dataSource;
    private final JdbcOperations jdbc;
    private final JsonMapper json;

    RoundExports(DataSource dataSource, JdbcOperations jdbc, JsonMapper json) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param filter empty when no round can match (an unknown company): the export is the head alone */
    InputStream open(ExportFormat format, Optional<RoundFilter> filter) {
        String head = format == ExportFormat.CSV ? CsvTable.headerLine(RoundCsv.HEADER) : "";
        if (filter.isEmpty()) {
            return CursorExport.headOnly(head);
        }
        RoundQuery query = RoundQuery.export(filter.get());
        return new CursorExport(dataSource, query.sql(), query.parameters(), head,
                format == ExportFormat.CSV ? RowEncoders.csv((row, printer) -> RoundCsv.print(printer, view(row)))
                        : RowEncoders.ndjson(json, this::view), PageSize.EXPORT);
    }

    private RoundView view(ResultSet row) {
        return RoundView.of(jdbc.readEntity(row, FundingRound.class),
                jdbc.readEntity(RoundQuery.COMPANY_PREFIX, row, Company.class));
    }
}
