package io.aigcwatch.gateway.webhook;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
enum WebhookStatus {
    ACTIVE,
    /** A delivery exhausted its retries: no new deliveries are made and held ones wait, until it is reactivated. */
    FAILING
}
