package io.aigcwatch.gateway.stream;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/** What a stream owes its client of the past before the live changes. */
enum Replay {
    /** a new stream, or one that missed nothing */
    NONE,
    /** read what it missed with a consumer of its own */
    CATCH_UP,
    /** it missed more than {@link StreamConfig#maxReplay()}: tell it to reload, and go on from now */
    TOO_FAR;

    static Replay of(@Nullable StreamPosition resumeFrom, StreamPosition snapshot, long maxReplay) {
        if (resumeFrom == null) {
            return NONE;
        }
        long behind = resumeFrom.recordsBefore(snapshot);
        return behind == 0 ? NONE : behind > maxReplay ? TOO_FAR : CATCH_UP;
    }

    static StreamGap tooFar(StreamPosition resumeFrom, StreamPosition snapshot, long maxReplay) {
        List<StreamGap.Missed> missed = new ArrayList<>();
        snapshot.nextOffsets().forEach((partition, next) -> {
            if (resumeFrom.nextOffset(partition) < next) {
                missed.add(new StreamGap.Missed(partition, resumeFrom.nextOffset(partition), next));
            }
        });
        return new StreamGap("your Last-Event-ID is more than " + maxReplay + " changes behind, further than "
                + "the stream replays; reload from GET /api/valuation-changes, this stream goes on from now", missed);
    }
}
