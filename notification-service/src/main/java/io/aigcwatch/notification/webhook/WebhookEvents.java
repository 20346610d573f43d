package io.aigcwatch.notification.webhook;

import io.micronaut.serde.annotation.Serdeable;

/** What a webhook is sent: each kind is read from its own topic and filtered by its own criteria. */
@Serdeable
public enum WebhookEvents {
    /** {@code valuation.changed} from valuation.changes.v1, filtered by {@link WebhookFilters} */
    VALUATION_CHANGES,
    /**
     * {@code funding.recorded} from funding.events.v1, filtered by {@link RoundFilters}: a round newly recorded, never
     * a correction or a retraction of one
     */
    NEW_ROUNDS,
    /**
     * {@code market.recomputed} from market.projections.v1, each the values of one scope of market-service that moved,
     * filtered by the webhook's {@code marketScopes}
     */
    MARKET_RECOMPUTED
}
