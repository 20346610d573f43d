package io.aigcwatch.gateway.stream;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * @param heartbeat                how long a connection may stay silent before it gets a {@code : heartbeat} comment,
 *                                 so that proxies and load balancers do not close it as idle
 * @param maxConnectionsPerCaller  open streams one caller (API key) may hold; one more is refused with 429
 * @param subscriberBuffer         changes waiting for one slow subscriber; past that it is disconnected (it resumes
 *                                 with its last id) so that it never holds up the others
 * @param maxConnections           open streams of all callers together; one more is refused with 503, since each
 *                                 holds a connection and a buffer for as long as it likes
 * @param maxCatchUps              resuming streams that read history at once, each with a Kafka consumer of its own;
 *                                 one more is refused with 503
 * @param maxReplay                records a resuming stream may be behind and still catch up on; further behind, it
 *                                 gets {@code event: gap} instead, to reload, and goes on from now
 * @param busyRetryAfter           the {@code Retry-After} of those refusals
 */
@ConfigurationProperties("aigcwatch.gateway.stream")
record StreamConfig(@Bindable(defaultValue = "15s") Duration heartbeat,
                    @Bindable(defaultValue = "10") int maxConnectionsPerCaller,
                    @Bindable(defaultValue = "1000") int subscriberBuffer,
                    @Bindable(defaultValue = "1000") int maxConnections,
                    @Bindable(defaultValue = "20") int maxCatchUps,
                    @Bindable(defaultValue = "1000") long maxReplay,
                    @Bindable(defaultValue = "5s") Duration busyRetryAfter) {
}
