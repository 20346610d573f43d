package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.funding.RoundCriteria;
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
 * {@code GET /api/stream/rounds}: Server-Sent Events of new rounds as funding-service records them, filtered per
 * connection by the criteria round alerts use ({@link RoundCriteria}), resumed by the last id like the valuation
 * stream. Answered by the gateway itself, from Kafka. A round a bulk import recorded is sent only to a stream that
 * asked for them ({@code includeImported=true}); the criteria decide it by the event's source, as for round alerts.
 */
@Controller("/api/stream/rounds")
@Requires(beans = RoundHub.class)
@Tag(name = "subscriptions")
final class RoundStreamController {
    private final RoundHub hub;
    private final EventStreams streams;

    RoundStreamController(RoundHub hub, EventStreams streams) {
        this.hub = hub;
        this.streams = streams;
    }

    @Operation(operationId = "streamNewRounds")
    @ApiResponse(responseCode = "200", description = "The stream", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM, schema = @Schema(type = "string")))
    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    HttpResponse<Publisher<Event<String>>> stream(HttpRequest<?> request) {
        RoundCriteria filter = StreamFilters.rounds(request.getParameters());
        return streams.open(request, hub, filter::matches);
    }
}
