package io.aigcwatch.notification.webhook;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public enum WebhookStatus {
    ACTIVE,
    /**
     * A delivery exhausted its retries. Until it is reactivated, changes make no deliveries for it (they are not
     * kept for later either), and deliveries queued before it failed wait unsent.
     */
    FAILING
}
