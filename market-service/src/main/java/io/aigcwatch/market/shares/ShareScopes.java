package io.aigcwatch.market.shares;

import io.aigcwatch.events.market.MarketCriteria;
import io.aigcwatch.market.recompute.OutputScope;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shares whose moves are published, as one scope, so that an input yields one event: funding by layer and by
 * country, and unicorn valuation by company, keyed like {@code funding.layer.MODEL}.
 */
@Factory
class ShareScopes {
    static final String SHARES = MarketCriteria.SHARES;

    @Singleton
    OutputScope shares(ShareReader reader) {
        return new OutputScope(SHARES, () -> {
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            put(values, "funding.layer.", reader.read("layer", "funding"));
            put(values, "funding.country.", reader.read("country", "funding"));
            put(values, "valuation.company.", reader.read("company", "valuation"));
            return values;
        });
    }

    private static void put(Map<String, BigDecimal> values, String prefix, ShareReader.Shares shares) {
        shares.shares().forEach(share -> values.put(prefix + share.key(), share.pct()));
    }
}
