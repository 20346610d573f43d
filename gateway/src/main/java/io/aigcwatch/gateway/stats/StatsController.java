package io.aigcwatch.gateway.stats;

import io.aigcwatch.kit.stats.StatsFilter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Year;
import java.util.Map;

/**
 * One composed view of the three services, asked all at once. It answers 200 within the stats timeout whatever the
 * services do: a part that a service could not give in time is null and named in {@code degraded}, even when that is
 * every part, so that a client always gets one shape (whether the suite is up is {@code /api/health}'s question).
 * Filters by country, layer and quarters narrow the funding part (all of them) and the unicorn part (country and
 * layer); a bad filter is a 422 before any service is asked.
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
    Mono<StatsDocument> stats(@Nullable @QueryValue String country, @Nullable @QueryValue String layer,
                              @Nullable @QueryValue String fromQuarter, @Nullable @QueryValue String toQuarter,
                              HttpRequest<?> request) {
        // read before any service is asked: a bad filter would otherwise fail each part and answer a degraded 200
        StatsFilter filter = StatsFilter.parse(country, layer, fromQuarter, toQuarter);
        Map<String, String> narrowed = filter.parameters();
        int thisYear = Year.now(clock).getValue();
        return Mono.zip(
                sources.fetch("funding", "funding", "/funding-stats", narrowed, FundingTotals.class,
                        totals -> totals, request),
                // the period too, though it narrows no unicorn, so that valuation-service checks what it was given
                sources.fetch("unicorns", "valuation", "/unicorn-stats", narrowed, StatsDocument.Unicorns.class,
                        unicorns -> unicorns, request),
                // the projection is of the whole market: no filter applies
                sources.fetch("market", "market", "/market/projections", Map.of(), MarketProjection.class,
                        projection -> StatsDocument.Market.of(projection, thisYear), request))
                .map(parts -> StatsDocument.of(parts.getT1(), parts.getT2(), parts.getT3(), filter));
    }
}
