package io.aigcwatch.market.projection;

import io.aigcwatch.market.recompute.OutputScope;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The base projection 2023-2030, published when an assumption change moves it. */
@Singleton
class ProjectionScope implements OutputScope {
    static final String NAME = "projections";

    private final AssumptionStore store;

    ProjectionScope(AssumptionStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, BigDecimal> read() {
        AssumptionStore.Versioned current = store.current();
        Projection projection = ProjectionModel.project(current.assumptions(), current.version(), 2023, 2030, "BASE");
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (Projection.Year year : projection.years()) {
            values.put(year.year() + ".sizeCny", year.sizeCny());
            year.shares().forEach((model, share) -> values.put(year.year() + "." + model, share));
        }
        return values;
    }
}
