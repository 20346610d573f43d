package io.aigcwatch.market.projection;

import io.aigcwatch.kit.export.ExportFormat;
import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.limits.InputLimits;
import io.aigcwatch.kit.problem.ProblemException;
import io.aigcwatch.market.recompute.Recomputer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Locale;

@Controller("/market")
class ProjectionController {
    private static final int DEFAULT_FROM = 2023;
    private static final int DEFAULT_TO = 2030;

    private final AssumptionStore store;
    private final Recomputer recomputer;
    private final InputLimits limits;

    ProjectionController(AssumptionStore store, Recomputer recomputer, InputLimits limits) {
        this.store = store;
        this.recomputer = recomputer;
        this.limits = limits;
    }

    /**
     * Market size and revenue-model shares for each year, with the warnings and the inputs' version; with
     * {@code Accept: text/csv}, one row per year (the warnings and implied growth stay in the JSON).
     */
    @Get(value = "/projections", produces = {MediaType.APPLICATION_JSON, ExportFormat.CSV_MEDIA_TYPE})
    HttpResponse<?> projections(@Nullable @QueryValue Integer from, @Nullable @QueryValue Integer to,
                                @Nullable @QueryValue String scenario, @Nullable @Header(HttpHeaders.ACCEPT) String accept) {
        int first = from == null ? DEFAULT_FROM : from;
        int last = to == null ? DEFAULT_TO : to;
        FieldChecks checks = new FieldChecks();
        year("from", first, checks);
        year("to", last, checks);
        if (first > last) {
            checks.add("to", "must not be before from (" + first + ")");
        }
        String given = checks.optionalText("scenario", scenario, limits.maxWordLength());
        checks.throwIfAny();
        AssumptionStore.Versioned current = store.current();
        String name = given == null ? "BASE" : given.toUpperCase(Locale.ROOT);
        if (!current.assumptions().scenarios().containsKey(name)) {
            throw ProblemException.invalid("scenario", FieldChecks.quoted(scenario) + " is not one of "
                    + current.assumptions().scenarios().keySet());
        }
        Projection projection = ProjectionModel.project(current.assumptions(), current.version(), first, last, name);
        if (ExportFormat.requested(accept) == ExportFormat.CSV) {
            return ProjectionCsv.attachment(projection);
        }
        return HttpResponse.ok(projection).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static void year(String field, int year, FieldChecks checks) {
        if (year < AssumptionRules.EARLIEST || year > AssumptionRules.LATEST) {
            checks.add(field, "must be a year from " + AssumptionRules.EARLIEST + " to " + AssumptionRules.LATEST);
        }
    }

    @Get("/assumptions")
    VersionedAssumptions assumptions() {
        AssumptionStore.Versioned current = store.current();
        return new VersionedAssumptions(current.version(), current.assumptions());
    }

    /** Replaces the inputs (an admin's call, through the gateway) and so every projection computed from them. */
    @Put("/assumptions")
    VersionedAssumptions replace(@Body Assumptions assumptions) {
        AssumptionStore.Versioned stored = store.replace(assumptions);
        recomputer.inputsChanged(ProjectionScope.NAME);
        return new VersionedAssumptions(stored.version(), stored.assumptions());
    }

    @Serdeable
    record VersionedAssumptions(long version, Assumptions assumptions) {
    }
}
