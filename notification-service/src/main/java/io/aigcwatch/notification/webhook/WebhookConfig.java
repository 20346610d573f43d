package io.aigcwatch.notification.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code aigcwatch.notification.webhooks.*}.
 *
 * @param allowPrivateTargets whether URLs may point at loopback, private, link-local and similar addresses; off
 *                            unless an operator allows it, since this service sits inside the suite's network
 * @param retrySchedule       the wait after each failed attempt; a delivery gets one attempt plus one retry per entry
 * @param timeout             how long a receiver has to answer (status and headers) before the attempt has failed
 * @param maxInFlight         deliveries this instance sends at once; more wait for a slot
 * @param maxInFlightPerOwner deliveries of one API key's webhooks in flight at once across all instances, so that one
 *                            key's slow or silent receivers cannot take the slots every other key's deliveries need
 * @param maxPerCaller        webhooks one API key may register
 * @param retention           how long finished deliveries stay in the log
 */
@ConfigurationProperties("aigcwatch.notification.webhooks")
public record WebhookConfig(boolean allowPrivateTargets, List<Duration> retrySchedule, Duration timeout, int maxInFlight,
                            int maxInFlightPerOwner, int maxPerCaller, Duration retention) {

    public WebhookConfig {
        if (retrySchedule == null || retrySchedule.isEmpty()) {
            throw new IllegalArgumentException("aigcwatch.notification.webhooks.retry-schedule needs at least one wait");
        }
        retrySchedule = List.copyOf(retrySchedule);
        if (maxInFlight < 1 || maxInFlightPerOwner < 1 || maxInFlightPerOwner > maxInFlight) {
            throw new IllegalArgumentException("aigcwatch.notification.webhooks: max-in-flight-per-owner must be from 1 to"
                    + " max-in-flight (" + maxInFlight + "), not " + maxInFlightPerOwner);
        }
    }

    /** How long an attempt holds its delivery: long enough that no other instance takes it while it is in flight. */
    public Duration claimLease() {
        return timeout.plusSeconds(30);
    }
}
