package io.aigcwatch.market.forecast;

import io.aigcwatch.market.recompute.OutputScope;
import io.aigcwatch.market.shares.FundingSeries;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The projected funding shares whose moves are published: each projected category's share in the report's two
 * horizons, keyed like {@code layer.MODEL.2030}, in percent. A move smaller than the configured threshold is not
 * news on its own (it is published once the moves add up); a series that stops being projected, or starts, is.
 */
@Factory
class FundingProjectionScope {
    static final List<Integer> PUBLISHED_YEARS = List.of(2027, 2030);

    @Singleton
    OutputScope fundingProjections(FundingProjections projections, FundingProjectionConfig config) {
        return new OutputScope(FundingSeries.PROJECTION_SCOPE, () -> values(projections), config.publishThreshold());
    }

    private static Map<String, BigDecimal> values(FundingProjections projections) {
        Map<String, BigDecimal> values = new TreeMap<>();
        projections.current().forEach((series, fitted) -> {
            for (FundingProjection.Year year : fitted.projection().years()) {
                if (PUBLISHED_YEARS.contains(year.year())) {
                    year.shares().forEach(share -> values.put(series.apiName() + "." + share.category() + "."
                            + year.year(), BigDecimal.valueOf(share.share())));
                }
            }
        });
        return values;
    }
}
