package io.aigcwatch.market.shares;

import io.aigcwatch.market.recompute.OutputScope;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

/** The shares whose moves are published: funding by layer and by country, and unicorn valuation by company. */
@Factory
class ShareScopes {
    static final String FUNDING_BY_LAYER = "shares.funding.layer";
    static final String FUNDING_BY_COUNTRY = "shares.funding.country";
    static final String VALUATION_BY_COMPANY = "shares.valuation.company";

    @Bean
    OutputScope fundingByLayer(ShareReader reader) {
        return scope(FUNDING_BY_LAYER, reader, "layer", "funding");
    }

    @Bean
    OutputScope fundingByCountry(ShareReader reader) {
        return scope(FUNDING_BY_COUNTRY, reader, "country", "funding");
    }

    @Bean
    OutputScope valuationByCompany(ShareReader reader) {
        return scope(VALUATION_BY_COMPANY, reader, "company", "valuation");
    }

    private static OutputScope scope(String name, ShareReader reader, String by, String metric) {
        return new OutputScope() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Map<String, BigDecimal> read() {
                return reader.read(by, metric).shares().stream()
                        .collect(Collectors.toMap(ShareReader.Share::key, ShareReader.Share::pct));
            }
        };
    }
}
