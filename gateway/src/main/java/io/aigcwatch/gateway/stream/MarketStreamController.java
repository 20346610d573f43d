package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.market.MarketCriteria;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reactivestreams.Publisher;

/**
 * {@code GET /api/stream/market}: Server-Sent Events of market-service's recomputes, each the values of one scope that
 * moved, filtered per connection by the criteria market webhooks use ({@link MarketCriteria}) and resumed by the last
 * id like the other streams. Answered by the gateway itself, from Kafka.
 */
@Controller("/api/stream/market")
@Requires(beans = MarketHub.class)
@Tag(name = "subscriptions")
final class MarketStreamController {
    private final MarketHub hub;
    private final EventStreams streams;

    MarketStreamController(MarketHub hub, EventStreams streams) {
        this.hub = hub;
        this.streams = streams;
    }

    @Operation(operationId = "streamMarketRecomputes")
    @ApiResponse(responseCode = "200", description = "The stream", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM, schema = @Schema(type = "string")))
    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    HttpResponse<Publisher<Event<String>>> stream(HttpRequest<?> request) {
        MarketCriteria filter = StreamFilters.market(request.getParameters());
        return streams.open(request, hub, (source, recomputed) -> filter.matches(recomputed));
    }
}
