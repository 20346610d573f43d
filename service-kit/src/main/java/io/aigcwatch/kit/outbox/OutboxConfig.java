package io.aigcwatch.kit.outbox;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * @param enabled      whether this instance runs a relay; tests turn it off to leave committed rows unsent
 * @param pollMillis   how long the relay sleeps when nothing woke it: the bound on lag for rows that another
 *                     instance committed, or that a crashed relay left behind
 * @param lingerMillis how long the relay waits after a wake-up before it reads: under load one read then
 *                     publishes the rows of many commits instead of one, for a few ms more lag
 * @param batchSize    rows published per transaction
 * @param retainDays   how long sent rows are kept for inspection before they are deleted
 * @param lockKey      the advisory lock that keeps one relay per database publishing at a time
 * @param backlogRefreshMillis how long a count of unsent rows serves the {@code aigcwatch_outbox_backlog} gauge
 *                     before a scrape counts again
 */
@ConfigurationProperties("aigcwatch.outbox")
public record OutboxConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "200") long pollMillis,
        @Bindable(defaultValue = "3") long lingerMillis,
        @Bindable(defaultValue = "500") int batchSize,
        @Bindable(defaultValue = "7") int retainDays,
        @Bindable(defaultValue = "7305840119") long lockKey,
        @Bindable(defaultValue = "5000") long backlogRefreshMillis) {
}
