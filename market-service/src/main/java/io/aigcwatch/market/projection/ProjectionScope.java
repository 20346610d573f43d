package io.aigcwatch.market.projection;

import io.aigcwatch.events.market.MarketCriteria;
import io.aigcwatch.market.recompute.OutputScope;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The base projection 2023-2030, published when an assumption change moves it. */
@Factory
class ProjectionScope {
    static final String NAME = MarketCriteria.PROJECTIONS;

    @Singleton
    OutputScope projections(AssumptionStore store) {
        return new OutputScope(NAME, () -> values(store.current()));
    }

    private static Map<String, BigDecimal> values(AssumptionStore.Versioned current) {
        Projection projection = ProjectionModel.project(current.assumptions(), current.version(), 2023, 2030, "BASE");
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (Projection.Year year : projection.years()) {
            values.put(year.year() + ".sizeCny", year.sizeCny());
            year.shares().forEach((model, share) -> values.put(year.year() + "." + model, share));
        }
        return values;
    }
}
