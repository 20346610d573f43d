package io.aigcwatch.market.projection;

import io.aigcwatch.kit.csv.CsvTable;
import io.micronaut.http.MutableHttpResponse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static io.aigcwatch.kit.csv.CsvCells.list;
import static io.aigcwatch.kit.csv.CsvCells.plain;

/** A projection as a spreadsheet: one row per year, a share column per revenue model. */
final class ProjectionCsv {
    private static final String[] HEADER = header();

    private ProjectionCsv() {
    }

    static MutableHttpResponse<String> attachment(Projection projection) {
        List<List<String>> rows = projection.years().stream().map(ProjectionCsv::row).toList();
        return CsvTable.attachment("market-projections-" + projection.scenario().toLowerCase(Locale.ROOT), HEADER, rows);
    }

    private static List<String> row(Projection.Year year) {
        List<String> cells = new ArrayList<>(List.of(String.valueOf(year.year()), plain(year.sizeCny()),
                plain(year.sizeUsd())));
        for (RevenueModel model : RevenueModel.values()) {
            cells.add(plain(year.shares().get(model)));
        }
        cells.add(list(year.stages()));
        return cells;
    }

    private static String[] header() {
        List<String> names = new ArrayList<>(List.of("year", "size_cny", "size_usd"));
        Arrays.stream(RevenueModel.values()).map(model -> "share_" + model.name().toLowerCase(Locale.ROOT) + "_pct")
                .forEach(names::add);
        names.add("stages");
        return names.toArray(String[]::new);
    }
}
