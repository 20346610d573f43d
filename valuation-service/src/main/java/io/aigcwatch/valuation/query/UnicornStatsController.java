package io.aigcwatch.valuation.query;

import io.aigcwatch.valuation.ledger.CompanyValuationRepository;
import io.aigcwatch.valuation.ledger.UnicornStatRepository;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.ReadOnly;

import java.math.BigDecimal;
import java.util.List;

/**
 * The unicorn part of {@code /api/stats}: how many companies are at or above USD 1B now, their valuations added up,
 * and the largest ten. From totals the ledger keeps as valuations change and the top of an index, so that it costs
 * the same at 100 or 100,000 companies, unlike {@code /unicorns}, which lists every unicorn.
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

    @Get
    @ReadOnly
    UnicornStats stats() {
        UnicornStatRepository.Totals totals = stats.totals();
        return new UnicornStats(totals.companies(), totals.usd(), valuations.topUnicorns(TOP));
    }

    /** The shape of the gateway's {@code unicorns} part of the stats. */
    @Serdeable
    record UnicornStats(long count, BigDecimal totalValuationUsd, List<CompanyValuationRepository.UnicornRow> top) {
    }
}
