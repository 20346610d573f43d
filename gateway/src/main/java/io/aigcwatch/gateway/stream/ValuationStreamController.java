package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.valuation.ChangeCriteria;
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
 * {@code GET /api/valuation-changes/stream}: Server-Sent Events of valuation changes, filtered per connection, that
 * a client resumes without gaps by sending back the last id it got. Answered by the gateway itself, from Kafka.
 */
@Controller("/api/valuation-changes/stream")
@Requires(beans = ChangeHub.class)
@Tag(name = "subscriptions")
final class ValuationStreamController {
    private final ChangeHub hub;
    private final EventStreams streams;

    ValuationStreamController(ChangeHub hub, EventStreams streams) {
        this.hub = hub;
        this.streams = streams;
    }

    // Events as text, as public-api.yml says; left to itself the processor would add an unused Event schema.
    @Operation(operationId = "streamValuationChanges")
    @ApiResponse(responseCode = "200", description = "The stream", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM, schema = @Schema(type = "string")))
    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    HttpResponse<Publisher<Event<String>>> stream(HttpRequest<?> request) {
        ChangeCriteria filter = StreamFilters.from(request.getParameters());
        return streams.open(request, hub, (source, change) -> filter.matches(change));
    }
}
