package io.aigcwatch.gateway.webhook;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
enum WebhookStatus {
    ACTIVE,
    /**
     * A delivery exhausted its retries. Until it is reactivated, changes make no deliveries for it (they are not
     * kept for later either), and deliveries queued before it failed wait unsent.
     */
    FAILING
}
