package io.aigcwatch.gateway.resilience;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Retries of idempotent calls (GET, HEAD) that failed in a way a second try may mend: the service could not be
 * connected to, or answered 502, 503 or 504. Waits double between tries.
 *
 * @param maxAttempts every try, the first included; 1 turns retries off
 * @param backoff     the wait before the second try
 */
@ConfigurationProperties("aigcwatch.gateway.retry")
record RetrySettings(@Bindable(defaultValue = "3") int maxAttempts,
                     @Bindable(defaultValue = "100ms") Duration backoff) {
}
