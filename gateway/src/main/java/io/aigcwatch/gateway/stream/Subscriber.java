package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.valuation.ChangeCriteria;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * One open stream as the hub sees it: the live changes it wants, queued until its connection takes them. Offering
 * never blocks the hub; a subscriber whose queue is full is ended instead, and its client resumes by its last id.
 */
final class Subscriber {
    private final ChangeCriteria filter;
    private final StreamPosition resumedFrom;
    private final Sinks.Many<PublishedChange> live;
    private boolean ended;

    /**
     * @param resumedFrom the client's own position: live changes before it reached the client already, through
     *                    another gateway instance that was ahead of this one
     */
    Subscriber(ChangeCriteria filter, StreamPosition resumedFrom, int buffer) {
        this.filter = filter;
        this.resumedFrom = resumedFrom;
        this.live = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(buffer));
    }

    /** @return false when this subscriber fell too far behind and was ended, so the hub can drop it */
    synchronized boolean offer(PublishedChange change) {
        if (ended) {
            return false;
        }
        if (change.offset() < resumedFrom.nextOffset(change.partition()) || !filter.matches(change.change())) {
            return true;
        }
        Sinks.EmitResult result = live.tryEmitNext(change);
        // a full buffer reads as zero-subscriber while the connection is still catching up, before it takes live ones
        if (result == Sinks.EmitResult.FAIL_OVERFLOW || result == Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
            // what is queued still goes out, then the stream ends; the change that did not fit comes on resume
            end();
            return false;
        }
        return !result.isFailure();
    }

    synchronized void end() {
        ended = true;
        live.tryEmitComplete();
    }

    /** The changes offered after the subscriber joined the hub, in the topic's order; one subscriber only. */
    Flux<PublishedChange> changes() {
        return live.asFlux();
    }
}
