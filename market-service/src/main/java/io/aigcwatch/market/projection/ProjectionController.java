package io.aigcwatch.market.projection;

import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.limits.InputLimits;
import io.aigcwatch.kit.problem.ProblemException;
import io.aigcwatch.market.recompute.Recomputer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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

    /** Market size and revenue-model shares for each year, with the warnings and the inputs' version. */
    @Get("/projections")
    Projection projections(@Nullable @QueryValue Integer from, @Nullable @QueryValue Integer to,
                           @Nullable @QueryValue String scenario) {
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
        return ProjectionModel.project(current.assumptions(), current.version(), first, last, name);
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
