package io.aigcwatch.gateway.resilience;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * One breaker per service, all with these settings. Only the service's own failures count (it cannot be reached,
 * it is too slow, it answers 5xx); a 4xx is the client's mistake and says nothing about the service's health.
 *
 * @param failureRatePercent   the share of failed calls, among the last {@code windowSize}, that opens the breaker
 * @param windowSize           how many of the latest calls the failure rate is taken over
 * @param minimumCalls         calls needed before the rate means anything: one failure in one call opens nothing
 * @param waitInOpen           how long an open breaker refuses calls (and the {@code Retry-After} it sends) before
 *                             it lets a few trial calls through
 * @param callsInHalfOpen      how many trial calls decide whether it closes again or stays open
 */
@ConfigurationProperties("aigcwatch.gateway.circuit-breaker")
record CircuitBreakerSettings(@Bindable(defaultValue = "50") int failureRatePercent,
                              @Bindable(defaultValue = "20") int windowSize,
                              @Bindable(defaultValue = "10") int minimumCalls,
                              @Bindable(defaultValue = "10s") Duration waitInOpen,
                              @Bindable(defaultValue = "3") int callsInHalfOpen) {
}
