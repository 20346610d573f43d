package io.aigcwatch.notification.delivery;

import io.aigcwatch.notification.webhook.WebhookConfig;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/**
 * Keeps the delivery log from growing forever: finished deliveries go after the retention period, and the stored
 * events once no delivery refers to them. Pending ones stay however old they are.
 */
@Singleton
class DeliveryRetention {
    private final DeliveryRepository deliveries;
    private final double retentionSeconds;

    DeliveryRetention(DeliveryRepository deliveries, WebhookConfig config) {
        this.deliveries = deliveries;
        this.retentionSeconds = config.retention().toMillis() / 1000.0;
    }

    @Scheduled(fixedDelay = "${aigcwatch.notification.webhooks.cleanup-interval:1h}",
            initialDelay = "${aigcwatch.notification.webhooks.cleanup-interval:1h}")
    @Transactional
    void forgetOld() {
        deliveries.forgetFinished(retentionSeconds);
        deliveries.forgetUnusedEvents(retentionSeconds);
    }
}
