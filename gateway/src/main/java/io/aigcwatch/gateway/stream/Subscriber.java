package io.aigcwatch.gateway.stream;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * One open stream as the hub sees it: the live events it wants, queued until its connection takes them. Offering
 * never blocks the hub; a subscriber whose queue is full is ended instead, and its client resumes by its last id.
 */
final class Subscriber<T> {
    private final EventFilter<T> filter;
    private final StreamPosition resumedFrom;
    private final Sinks.Many<PublishedEvent<T>> live;
    private boolean ended;

    /**
     * @param filter      the criteria of the stream's query, such as {@code RoundCriteria::matches}
     * @param resumedFrom the client's own position: live events before it reached the client already, through
     *                    another gateway instance that was ahead of this one
     */
    Subscriber(EventFilter<T> filter, StreamPosition resumedFrom, int buffer) {
        this.filter = filter;
        this.resumedFrom = resumedFrom;
        this.live = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(buffer));
    }

    /** @return false when this subscriber fell too far behind and was ended, so the hub can drop it */
    synchronized boolean offer(PublishedEvent<T> event) {
        if (ended) {
            return false;
        }
        if (event.offset() < resumedFrom.nextOffset(event.partition()) || !filter.test(event.source(), event.data())) {
            return true;
        }
        Sinks.EmitResult result = live.tryEmitNext(event);
        // a full buffer reads as zero-subscriber while the connection is still catching up, before it takes live ones
        if (result == Sinks.EmitResult.FAIL_OVERFLOW || result == Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            // what is queued still goes out, then the stream ends; the event that did not fit comes on resume
            end();
            return false;
        }
        return !result.isFailure();
    }

    synchronized void end() {
        ended = true;
        live.tryEmitComplete();
    }

    /** The events offered after the subscriber joined the hub, in the topic's order; one subscriber only. */
    Flux<PublishedEvent<T>> events() {
        return live.asFlux();
    }
}
