package io.aigcwatch.funding.round;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.transaction.annotation.ReadOnly;

/** The totals that the gateway's {@code /api/stats} composes with the other services' figures. */
@Controller("/funding-stats")
class FundingStatsController {
    private final FundingRoundRepository rounds;

    FundingStatsController(FundingRoundRepository rounds) {
        this.rounds = rounds;
    }

    @Get
    @ReadOnly
    FundingStats totals() {
        return FundingStats.of(rounds.stats());
    }
}
