package io.aigcwatch.market.projection;

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
    private final AssumptionStore store;
    private final Recomputer recomputer;

    ProjectionController(AssumptionStore store, Recomputer recomputer) {
        this.store = store;
        this.recomputer = recomputer;
    }

    /** Market size and revenue-model shares for each year, with the warnings and the inputs' version. */
    @Get("/projections")
    Projection projections(@Nullable @QueryValue Integer from, @Nullable @QueryValue Integer to,
                           @Nullable @QueryValue String scenario) {
        int first = from == null ? 2023 : from;
        int last = to == null ? 2030 : to;
        if (first < AssumptionRules.EARLIEST || last > AssumptionRules.LATEST || first > last) {
            throw ProblemException.invalid("from", "from and to must be years from " + AssumptionRules.EARLIEST
                    + " to " + AssumptionRules.LATEST + ", from not after to");
        }
        AssumptionStore.Versioned current = store.current();
        String name = scenario == null ? "BASE" : scenario.trim().toUpperCase(Locale.ROOT);
        if (!current.assumptions().scenarios().containsKey(name)) {
            throw ProblemException.invalid("scenario", "'" + scenario + "' is not one of "
                    + current.assumptions().scenarios().keySet());
        }
        return ProjectionModel.project(current.assumptions(), current.version(), first, last, name);
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
