package io.aigcwatch.market.shares;

import io.aigcwatch.kit.csv.CsvTable;
import io.aigcwatch.kit.export.ExportFormat;
import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.limits.InputLimits;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;

import java.util.List;

import static io.aigcwatch.kit.csv.CsvCells.plain;
import static io.aigcwatch.kit.csv.CsvCells.text;

@Controller("/market/shares")
class SharesController {
    private static final String[] CSV_HEADER = {"key", "count", "usd", "pct"};

    private final ShareReader reader;
    private final InputLimits limits;

    SharesController(ShareReader reader, InputLimits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    /**
     * JSON by default; with {@code Accept: text/csv}, one row per bucket. A key can be an investor's or a segment's
     * name, so it goes through the formula guard.
     */
    @Get(produces = {MediaType.APPLICATION_JSON, ExportFormat.CSV_MEDIA_TYPE})
    HttpResponse<?> shares(@Nullable @QueryValue String by, @Nullable @QueryValue String metric,
                           @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
        FieldChecks checks = new FieldChecks();
        String dimension = checks.optionalText("by", by, limits.maxWordLength());
        String measure = checks.optionalText("metric", metric, limits.maxWordLength());
        checks.throwIfAny();
        ShareReader.Shares shares = reader.read(dimension, measure);
        if (ExportFormat.requested(accept) == ExportFormat.CSV) {
            return CsvTable.attachment("market-shares-" + shares.metric() + "-by-" + shares.by(), CSV_HEADER,
                    shares.shares().stream().map(share -> List.of(text(share.key()), String.valueOf(share.count()),
                            plain(share.usd()), plain(share.pct()))).toList());
        }
        return HttpResponse.ok(shares).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
