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

    /** @param reload where the client reloads what it shows from, such as {@code GET /api/valuation-changes} */
    static StreamGap tooFar(StreamPosition resumeFrom, StreamPosition snapshot, long maxReplay, String reload) {
        List<StreamGap.Missed> missed = new ArrayList<>();
        snapshot.nextOffsets().forEach((partition, next) -> {
            if (resumeFrom.nextOffset(partition) < next) {
                missed.add(new StreamGap.Missed(partition, resumeFrom.nextOffset(partition), next));
            }
        });
        return new StreamGap("your Last-Event-ID is more than " + maxReplay + " records behind, further than "
                + "the stream replays; reload from " + reload + ", this stream goes on from now", missed);
    }
}
