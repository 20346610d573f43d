package io.aigcwatch.gateway.stream;

import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The messages of the stream, and so its wire format:
 * <pre>
 * id: 0-124.1-457.2-79
 * event: ready
 * data: {"id":"0-124.1-457.2-79","resumed":false}
 *
 * id: 0-124.1-458.2-79
 * event: valuation-changed
 * data: {"specversion":"1.0","id":"…","source":"/aigcwatch/valuation-service","type":"valuation.changed",…,"data":{…}}
 *
 * : heartbeat
 *
 * </pre>
 * {@code data} of a change is the CloudEvent exactly as valuation-service published it, so its {@code id} is the
 * same dedup key every other consumer uses. The round stream is alike, with {@code event: round-recorded} and
 * funding-service's {@code funding.recorded} CloudEvents, and so is the market stream, with
 * {@code event: market-recomputed} and market-service's {@code market.recomputed} CloudEvents.
 */
@Singleton
final class SseMessages {
    static final String CHANGED = "valuation-changed";
    /** A new round on {@code GET /api/stream/rounds}. */
    static final String ROUND = "round-recorded";
    /** A scope market-service recomputed, on {@code GET /api/stream/market}. */
    static final String MARKET = "market-recomputed";
    static final String READY = "ready";
    static final String GAP = "gap";

    private final JsonMapper json;

    SseMessages(JsonMapper json) {
        this.json = json;
    }

    /** @param name the feed's {@link StreamFeed#sseEvent} */
    Event<String> event(PublishedEvent<?> event, String name) {
        return Event.of(event.cloudEvent()).name(name).id(event.position().encode());
    }

    /**
     * First on every stream, with the id to resume from, so that a client that leaves before any change still
     * resumes without a gap. A named event, so that {@code EventSource.onmessage} never sees it.
     */
    Event<String> ready(StreamPosition from, boolean resumed) {
        return Event.of(write(new Ready(from.encode(), resumed))).name(READY).id(from.encode());
    }

    /** Carries no id: the client's position is unchanged, it just cannot have what came before the topic's oldest. */
    Event<String> gap(StreamGap gap) {
        return Event.of(write(gap)).name(GAP);
    }

    /** A comment: no event fires, but the connection shows it is alive. */
    Event<String> heartbeat() {
        return Event.of("").comment("heartbeat");
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param resumed whether the stream resumes a client's Last-Event-ID, and catches up on what it missed first */
    @Serdeable
    record Ready(String id, boolean resumed) {
    }
}
