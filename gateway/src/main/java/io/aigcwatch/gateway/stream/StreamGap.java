package io.aigcwatch.gateway.stream;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The data of {@code event: gap}: a resuming client asked for changes older than the topic keeps, so these were
 * lost to it. It should reload what it shows (from {@code GET /api/valuation-changes}) rather than trust the stream.
 */
@Serdeable
record StreamGap(String detail, List<Missed> missed) {

    /** @param from the client's next offset in this partition; @param resumedAt the oldest offset still kept */
    @Serdeable
    record Missed(int partition, long from, long resumedAt) {
    }
}
