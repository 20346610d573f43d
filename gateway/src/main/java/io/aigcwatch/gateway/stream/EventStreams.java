package io.aigcwatch.gateway.stream;

import io.aigcwatch.gateway.access.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.sse.Event;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every Server-Sent Events stream of the gateway does, whichever feed it streams: takes a place under the
 * connection limits, joins the feed's hub, replays what a resuming client missed (by its {@code Last-Event-ID}),
 * then sends live events, with heartbeats while nothing happens, and gives its places back however it ends.
 */
@Singleton
@Requires(beans = StreamConsumers.class)
final class EventStreams {
    static final String LAST_EVENT_ID = "Last-Event-ID";
    /** For clients that cannot set headers; the header wins, since an EventSource reconnects with a newer one. */
    static final String LAST_EVENT_ID_PARAMETER = "lastEventId";

    private final CatchUp catchUp;
    private final ConnectionLimiter limiter;
    private final SseMessages messages;
    private final StreamConfig config;

    EventStreams(CatchUp catchUp, ConnectionLimiter limiter, SseMessages messages, StreamConfig config) {
        this.catchUp = catchUp;
        this.limiter = limiter;
        this.messages = messages;
        this.config = config;
    }

    /**
     * Everything that can be refused is refused here, before the 200 and the stream begin: the caller has already
     * read its filters (a 422 naming each bad one), and this reads the resume id (400) and takes the places (429, 503).
     */
    <T> HttpResponse<Publisher<Event<String>>> open(HttpRequest<?> request, EventHub<T> hub, EventFilter<T> filter) {
        StreamPosition resumeFrom = resumeFrom(request);
        String caller = Caller.limitKey(request);
        limiter.acquire(caller);
        EventHub.Subscription<T> subscription;
        try {
            subscription = hub.subscribe(filter, resumeFrom, config.subscriberBuffer());
        } catch (RuntimeException e) {
            limiter.release(caller);
            throw e;
        }
        Replay replay = Replay.of(resumeFrom, subscription.snapshot(), config.maxReplay());
        if (replay == Replay.CATCH_UP) {
            try {
                limiter.acquireCatchUp();
            } catch (StreamBusy busy) {
                hub.unsubscribe(subscription.subscriber());
                limiter.release(caller);
                throw busy;
            }
        }
        AtomicBoolean catchUpHeld = new AtomicBoolean(replay == Replay.CATCH_UP);
        Runnable releaseCatchUp = () -> {
            if (catchUpHeld.compareAndSet(true, false)) {
                limiter.releaseCatchUp();
            }
        };
        AtomicBoolean closed = new AtomicBoolean();
        Flux<Event<String>> events = withHeartbeats(events(hub.feed(), subscription, filter, resumeFrom, replay,
                releaseCatchUp))
                .doFinally(signal -> {
                    // a client gone before the catch-up began still frees its place
                    releaseCatchUp.run();
                    if (closed.compareAndSet(false, true)) {
                        hub.unsubscribe(subscription.subscriber());
                        limiter.release(caller);
                    }
                });
        return HttpResponse.ok((Publisher<Event<String>>) events)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                // the server would otherwise compress for clients that offer it, and its zstd encoder holds events
                // back until a block fills; an encoding already set is left alone
                .header(HttpHeaders.CONTENT_ENCODING, "identity")
                // nginx and the like would otherwise hold events back to fill a buffer
                .header("X-Accel-Buffering", "no");
    }

    private <T> Flux<Event<String>> events(StreamFeed<T> feed, EventHub.Subscription<T> subscription,
                                           EventFilter<T> filter, @Nullable StreamPosition resumeFrom, Replay replay,
                                           Runnable caughtUp) {
        StreamPosition snapshot = subscription.snapshot();
        Flux<Event<String>> live = subscription.subscriber().events()
                .map(event -> messages.event(event, feed.sseEvent()));
        return switch (replay) {
            case NONE -> Flux.concat(Flux.just(messages.ready(resumeFrom == null ? snapshot : resumeFrom,
                    resumeFrom != null)), live);
            case CATCH_UP -> Flux.concat(Flux.just(messages.ready(resumeFrom, true)),
                    catchUp.between(feed, resumeFrom, snapshot, filter)
                            .map(caught -> toEvent(caught, feed)).doFinally(signal -> caughtUp.run()),
                    live);
            // the stream stands at now, so a client that leaves before the next event does not come back this far
            case TOO_FAR -> Flux.concat(Flux.just(messages.ready(snapshot, false),
                    messages.gap(Replay.tooFar(resumeFrom, snapshot, config.maxReplay(), feed.reload()))), live);
        };
    }

    private Event<String> toEvent(Object caughtUp, StreamFeed<?> feed) {
        return caughtUp instanceof StreamGap gap ? messages.gap(gap)
                : messages.event((PublishedEvent<?>) caughtUp, feed.sseEvent());
    }

    /** A heartbeat whenever nothing was sent for a whole interval; checked twice an interval. */
    private Flux<Event<String>> withHeartbeats(Flux<Event<String>> events) {
        long intervalNanos = config.heartbeat().toNanos();
        AtomicLong lastSent = new AtomicLong(System.nanoTime());
        Flux<Event<String>> heartbeats = Flux.interval(config.heartbeat().dividedBy(2))
                .filter(tick -> System.nanoTime() - lastSent.get() >= intervalNanos)
                .map(tick -> messages.heartbeat());
        return events.publish(shared -> Flux.merge(shared, heartbeats.takeUntilOther(shared.then())))
                .doOnNext(event -> lastSent.set(System.nanoTime()));
    }

    private static @Nullable StreamPosition resumeFrom(HttpRequest<?> request) {
        String header = request.getHeaders().get(LAST_EVENT_ID);
        if (header != null && !header.isBlank()) {
            return StreamPosition.decode(header.strip(), LAST_EVENT_ID);
        }
        String parameter = request.getParameters().get(LAST_EVENT_ID_PARAMETER);
        if (parameter != null && !parameter.isBlank()) {
            return StreamPosition.decode(parameter.strip(), LAST_EVENT_ID_PARAMETER);
        }
        return null;
    }
}
