package io.aigcwatch.valuation.query;

import io.aigcwatch.kit.export.ExportFormat;
import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.limits.InputLimits;
import io.aigcwatch.valuation.ledger.ChangeLog;
import io.aigcwatch.valuation.ledger.ChangeLogEntry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The pollable change log: every valuation.changed event since a time, in the order the changes committed, a page
 * at a time. Every page, an empty one too, ends with the cursor {@code next}: the last change it returned, or the
 * cursor it was asked for when it returned none. Passed back, it resumes exactly after that change, and a change
 * that commits later is never placed before it (see {@link ChangeLog}), so a poller that follows it misses nothing
 * and sees nothing twice.
 */
@Controller("/valuation-changes")
class ChangeLogController {
    private static final int DEFAULT_PAGE = 100;

    private final ChangeLog changes;
    private final ChangeLogCsv csv;
    private final InputLimits limits;

    ChangeLogController(ChangeLog changes, ChangeLogCsv csv, InputLimits limits) {
        this.changes = changes;
        this.csv = csv;
        this.limits = limits;
    }

    /** JSON by default; with {@code Accept: text/csv}, the same page as rows, its seq column the cursor. */
    @Get(produces = {MediaType.APPLICATION_JSON, ExportFormat.CSV_MEDIA_TYPE})
    HttpResponse<String> page(@Nullable @QueryValue String since, @Nullable @QueryValue Long cursor,
                              @Nullable @QueryValue Integer limit, @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
        FieldChecks checks = new FieldChecks();
        int size = checks.pageSize("limit", limit, DEFAULT_PAGE, limits.maxPageSize());
        if (cursor != null && cursor < 0) {
            checks.add("cursor", "must be a cursor this API handed out, never below 0");
        }
        long after = cursor == null ? 0 : Math.max(0, cursor);
        Instant from = checks.instant("since", since);
        checks.throwIfAny();
        List<ChangeLogEntry> entries = changes.after(after, from, size);
        if (ExportFormat.requested(accept) == ExportFormat.CSV) {
            return csv.attachment(entries);
        }
        String items = entries.stream().map(ChangeLogEntry::payload).collect(Collectors.joining(",", "[", "]"));
        long next = entries.isEmpty() ? after : entries.get(entries.size() - 1).seq();
        // the stored events are already JSON; they are passed through as written, not parsed and re-serialised
        return HttpResponse.ok("{\"items\":" + items + ",\"next\":" + next + "}")
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
