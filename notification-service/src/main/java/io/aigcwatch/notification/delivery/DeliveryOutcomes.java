package io.aigcwatch.notification.delivery;

import io.micronaut.transaction.annotation.Transactional;
import io.aigcwatch.notification.webhook.WebhookConfig;
import io.aigcwatch.notification.webhook.WebhookRepository;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

/**
 * Records how an attempt went: delivered; due again after the next wait of the retry schedule; or, once the schedule
 * is used up, failed for good, which marks the webhook FAILING in the same transaction.
 */
@Singleton
class DeliveryOutcomes {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryOutcomes.class);

    private final DeliveryRepository deliveries;
    private final WebhookRepository webhooks;
    private final List<Duration> retrySchedule;

    DeliveryOutcomes(DeliveryRepository deliveries, WebhookRepository webhooks, WebhookConfig config) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.retrySchedule = config.retrySchedule();
    }

    @Transactional
    void record(DeliveryClaims.Claimed attempt, AttemptResult result) {
        if (result.succeeded()) {
            deliveries.delivered(attempt.id(), attempt.attempt(), result.httpStatus());
        } else if (attempt.attempt() <= retrySchedule.size()) {
            Duration wait = retrySchedule.get(attempt.attempt() - 1);
            deliveries.retryLater(attempt.id(), attempt.attempt(), result.httpStatus(), result.error(),
                    wait.toMillis() / 1000.0);
        } else if (deliveries.failed(attempt.id(), attempt.attempt(), result.httpStatus(), result.error()) == 1) {
            webhooks.markFailing(attempt.webhookId());
            LOG.warn("Webhook {} is FAILING: delivery {} failed {} times, last: {}", attempt.webhookId(),
                    attempt.id(), attempt.attempt(), result.error());
        }
    }
}
