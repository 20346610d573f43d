package io.aigcwatch.notification.delivery;

import io.aigcwatch.notification.webhook.WebhookConfig;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends due deliveries. Each tick claims as many as there are free slots and sends them without waiting, so one slow
 * receiver holds one slot, not the whole dispatcher; claims take owners in turn, up to a cap each (see
 * {@link DeliveryClaims}), so one API key's silent receivers cannot hold every slot either. Deliveries are rows: after a restart, or on another instance,
 * whatever is due is picked up; an attempt cut off by a stop is made again once its claim lapses, with the same
 * {@code webhook-id}, so receivers see at-least-once delivery and dedup on that id. Deliveries go out side by
 * side, so two changes may reach a receiver in either order; each carries its own time and as-of date.
 */
@Singleton
class DeliveryDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final DeliveryClaims claims;
    private final WebhookSender sender;
    private final DeliveryOutcomes outcomes;
    private final WebhookConfig config;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;

    DeliveryDispatcher(DeliveryClaims claims, WebhookSender sender, DeliveryOutcomes outcomes, WebhookConfig config) {
        this.claims = claims;
        this.sender = sender;
        this.outcomes = outcomes;
        this.config = config;
    }

    @Scheduled(fixedDelay = "${aigcwatch.notification.webhooks.dispatch-interval:200ms}", initialDelay = "1s")
    void dispatch() {
        int free = config.maxInFlight() - inFlight.get();
        if (stopping || free <= 0) {
            return;
        }
        List<DeliveryClaims.Claimed> due;
        try {
            due = claims.claimDue(free, config.maxInFlightPerOwner(), config.claimLease());
        } catch (RuntimeException e) {
            // the database may be back by the next tick; nothing was claimed, so nothing is lost
            LOG.warn("Could not claim due webhook deliveries", e);
            return;
        }
        for (DeliveryClaims.Claimed attempt : due) {
            inFlight.incrementAndGet();
            sender.send(attempt).whenComplete((result, error) -> {
                try {
                    outcomes.record(attempt, result);
                } catch (RuntimeException e) {
                    LOG.warn("Could not record attempt {} of delivery {}; it is retried once its claim lapses",
                            attempt.attempt(), attempt.id(), e);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }
}
