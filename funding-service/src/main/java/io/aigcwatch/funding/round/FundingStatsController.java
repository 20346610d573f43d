package io.aigcwatch.funding.round;

import io.aigcwatch.kit.stats.StatsFilter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.transaction.annotation.ReadOnly;

/**
 * The totals that the gateway's {@code /api/stats} composes with the other services' figures: of every active round,
 * or, with any filter, of the rounds whose company is of that country and layer and whose announcement quarter lies
 * within [fromQuarter, toQuarter]. Either way from kept rows, never from the rounds.
 */
@Controller("/funding-stats")
class FundingStatsController {
    private final FundingRoundRepository rounds;

    FundingStatsController(FundingRoundRepository rounds) {
        this.rounds = rounds;
    }

    /** @throws io.aigcwatch.kit.problem.ProblemException 422 for a bad filter: this service trusts no caller */
    @Get
    @ReadOnly
    FundingStats totals(@Nullable @QueryValue String country, @Nullable @QueryValue String layer,
                        @Nullable @QueryValue String fromQuarter, @Nullable @QueryValue String toQuarter) {
        StatsFilter filter = StatsFilter.parse(country, layer, fromQuarter, toQuarter);
        if (filter.isNone()) {
            return FundingStats.of(rounds.stats(), rounds.topInvestors(FundingStats.TOP_INVESTORS));
        }
        return FundingStats.of(rounds.filteredStats(filter.country(), filter.layerName(), filter.fromQuarter(),
                filter.toQuarter()), null);
    }
}
