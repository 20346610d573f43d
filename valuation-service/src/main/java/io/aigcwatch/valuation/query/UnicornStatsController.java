package io.aigcwatch.valuation.query;

import io.aigcwatch.kit.stats.StatsFilter;
import io.aigcwatch.valuation.ledger.CompanyValuationRepository;
import io.aigcwatch.valuation.ledger.UnicornStatRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;

import java.math.BigDecimal;
import java.util.List;

/**
 * The unicorn part of {@code /api/stats}: how many companies are at or above USD 1B now, their valuations added up,
 * and the largest ten. From totals the ledger keeps as valuations change and the top of an index, so that it costs
 * the same at 100 or 100,000 companies, unlike {@code /unicorns}, which lists every unicorn.
 *
 * <p>With a country and/or layer, from the unicorns of that country and layer, read through the partial index of
 * unicorns (never every company). A span of quarters is read and checked like the gateway does, but narrows nothing
 * here: a status is today's, not of a quarter.
 */
@Controller("/unicorn-stats")
class UnicornStatsController {
    static final int TOP = 10;

    private final UnicornStatRepository stats;
    private final CompanyValuationRepository valuations;

    UnicornStatsController(UnicornStatRepository stats, CompanyValuationRepository valuations) {
        this.stats = stats;
        this.valuations = valuations;
    }

    /** @throws io.aigcwatch.kit.problem.ProblemException 422 for a bad filter: this service trusts no caller */
    @Get
    @ReadOnly
    UnicornStats stats(@Nullable @QueryValue String country, @Nullable @QueryValue String layer,
                       @Nullable @QueryValue String fromQuarter, @Nullable @QueryValue String toQuarter) {
        StatsFilter filter = StatsFilter.parse(country, layer, fromQuarter, toQuarter);
        UnicornStatRepository.Totals totals = stats.totals(filter.country(), filter.layerName(), null);
        if (filter.country() == null && filter.layer() == null) {
            return new UnicornStats(totals.companies(), totals.usd(), valuations.topUnicorns(TOP));
        }
        return new UnicornStats(totals.companies(), totals.usd(),
                valuations.topUnicorns(filter.country(), filter.layerName(), TOP));
    }

    /** The shape of the gateway's {@code unicorns} part of the stats. */
    @Serdeable
    record UnicornStats(long count, BigDecimal totalValuationUsd, List<CompanyValuationRepository.UnicornRow> top) {
    }
}
