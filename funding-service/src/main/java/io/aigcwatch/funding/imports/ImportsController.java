package io.aigcwatch.funding.imports;

import io.aigcwatch.funding.round.RoundBatch;
import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Bulk import of rounds: {@code POST /imports} takes a CSV or NDJSON file as it streams in and answers 202 once it
 * is staged; a worker then applies it. {@code GET /imports/{id}} shows the progress and the first refused rows.
 */
@Controller(ImportsController.BASE)
class ImportsController {
    static final String BASE = "/imports";
    static final String NDJSON = "application/x-ndjson";
    private static final int FIRST_REFUSED = 100;
    private static final int MAX_PAGE = 1000;

    private final ImportReceiver receiver;
    private final ImportWorker worker;
    private final ImportJobRepository jobs;
    private final ImportsConfig config;
    private final Clock clock;

    ImportsController(ImportReceiver receiver, ImportWorker worker, ImportJobRepository jobs, ImportsConfig config,
                      Clock clock) {
        this.receiver = receiver;
        this.worker = worker;
        this.jobs = jobs;
        this.config = config;
        this.clock = clock;
    }

    @Post(consumes = {"text/csv", NDJSON})
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<ImportView> upload(HttpRequest<?> request, @Body InputStream body) {
        if (request.getContentLength() > config.maxBytes()) {
            throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body-too-large",
                    "the file is larger than " + config.maxBytes() + " bytes; split it into several imports");
        }
        RoundBatch.Format format = request.getContentType().map(MediaType::getName)
                .filter(NDJSON::equalsIgnoreCase).isPresent() ? RoundBatch.Format.NDJSON : RoundBatch.Format.CSV;
        ImportJob job = receiver.receive(format, body);
        worker.wake();
        return HttpResponse.<ImportView>status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, BASE + "/" + job.id())
                .body(ImportView.of(job, List.of(), clock.instant()));
    }

    @Get("/{id}")
    ImportView get(UUID id) {
        ImportJob job = jobs.findById(id).orElseThrow(() -> ProblemException.notFound("import " + id));
        return ImportView.of(job, jobs.refused(id, 0, FIRST_REFUSED), clock.instant());
    }

    @Get("/{id}/refused")
    ImportView.RefusedPage refused(UUID id, @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        FieldChecks checks = new FieldChecks();
        int size = checks.pageSize("limit", limit, FIRST_REFUSED, MAX_PAGE);
        long after = afterLine(cursor, checks);
        checks.throwIfAny();
        if (!jobs.existsById(id)) {
            throw ProblemException.notFound("import " + id);
        }
        List<ImportView.Refused> page = jobs.refused(id, after, size + 1);
        // a row refused for several fields is several entries; a page never splits a row, so the cursor is its line
        List<ImportView.Refused> items = page.size() > size ? wholeRows(page.subList(0, size), page.get(size)) : page;
        String next = page.size() > size && !items.isEmpty() ? Long.toString(items.get(items.size() - 1).line()) : null;
        return new ImportView.RefusedPage(items, next);
    }

    private static List<ImportView.Refused> wholeRows(List<ImportView.Refused> page, ImportView.Refused following) {
        int end = page.size();
        while (end > 1 && page.get(end - 1).line() == following.line()) {
            end--;
        }
        return page.subList(0, end);
    }

    private static long afterLine(@Nullable String cursor, FieldChecks checks) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        if (cursor.length() > 18 || !cursor.chars().allMatch(Character::isDigit)) {
            checks.add("cursor", "is not a cursor from a previous page");
            return 0;
        }
        return Long.parseLong(cursor);
    }
}
