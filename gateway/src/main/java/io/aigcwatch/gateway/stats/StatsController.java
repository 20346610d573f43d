package io.aigcwatch.gateway.stats;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Year;

/**
 * One composed view of the three services, asked all at once. It answers 200 within the stats timeout whatever the
 * services do: a part that a service could not give in time is null and named in {@code degraded}, even when that is
 * every part, so that a client always gets one shape (whether the suite is up is {@code /api/health}'s question).
 */
@Controller("/api/stats")
final class StatsController {
    private final StatsSources sources;
    private final Clock clock;

    StatsController(StatsSources sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    Mono<StatsDocument> stats(HttpRequest<?> request) {
        int thisYear = Year.now(clock).getValue();
        return Mono.zip(
                sources.fetch("funding", "funding", "/funding-stats", FundingTotals.class, totals -> totals, request),
                sources.fetch("unicorns", "valuation", "/unicorns", UnicornList.class, StatsDocument.Unicorns::of,
                        request),
                sources.fetch("market", "market", "/market/projections", MarketProjection.class,
                        projection -> StatsDocument.Market.of(projection, thisYear), request))
                .map(parts -> StatsDocument.of(parts.getT1(), parts.getT2(), parts.getT3()));
    }
}
