package io.aigcwatch.funding.imports;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param enabled       whether this instance runs the worker; a test turns it off to leave a job queued
 * @param maxBytes      the largest file accepted; micronaut.server.max-request-size must be at least this
 * @param otherBodyMaxBytes the bound on the body of every other request, as the rest of the suite has it
 * @param maxRows       the most rows (records or lines) in one file
 * @param maxRowChars   the longest row: a funding event is well under 64 KB, as a POST's body must be
 * @param chunkRows     rows applied per transaction: progress shows per chunk, and a crash redoes at most one
 * @param pollMillis    how often an idle worker looks for a job that another instance received
 */
@ConfigurationProperties("aigcwatch.imports")
record ImportsConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "1073741824") long maxBytes,
        @Bindable(defaultValue = "65536") long otherBodyMaxBytes,
        @Bindable(defaultValue = "2000000") long maxRows,
        @Bindable(defaultValue = "65536") int maxRowChars,
        @Bindable(defaultValue = "20000") int chunkRows,
        @Bindable(defaultValue = "1000") long pollMillis) {
}
