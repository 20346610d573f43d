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
 */
@ConfigurationProperties("aigcwatch.gateway.stream")
record StreamConfig(@Bindable(defaultValue = "15s") Duration heartbeat,
                    @Bindable(defaultValue = "10") int maxConnectionsPerCaller,
                    @Bindable(defaultValue = "1000") int subscriberBuffer) {
}
