package io.aigcwatch.gateway.stats;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Year;

/**
 * One composed view of the three services, asked all at once. It answers 200 within the stats timeout whatever the
 * services do: a part that a service could not give in time is null and named in {@code degraded}, even when that is
 * every part, so that a client always gets one shape (whether the suite is up is {@code /api/health}'s question).
 */
@Controller("/api/stats")
@Tag(name = "suite")
final class StatsController {
    private final StatsSources sources;
    private final Clock clock;

    StatsController(StatsSources sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    // The answer is public-api.yml's Stats; left to itself the processor would add a second, generated schema.
    @Operation(operationId = "getStats")
    @ApiResponse(responseCode = "200", description = "The stats, whole or partial", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "#/components/schemas/Stats")))
    @Get(produces = MediaType.APPLICATION_JSON)
    Mono<StatsDocument> stats(HttpRequest<?> request) {
        int thisYear = Year.now(clock).getValue();
        return Mono.zip(
                sources.fetch("funding", "funding", "/funding-stats", FundingTotals.class, totals -> totals, request),
                sources.fetch("unicorns", "valuation", "/unicorn-stats", StatsDocument.Unicorns.class,
                        unicorns -> unicorns, request),
                sources.fetch("market", "market", "/market/projections", MarketProjection.class,
                        projection -> StatsDocument.Market.of(projection, thisYear), request))
                .map(parts -> StatsDocument.of(parts.getT1(), parts.getT2(), parts.getT3()));
    }
}
