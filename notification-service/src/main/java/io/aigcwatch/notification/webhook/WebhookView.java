package io.aigcwatch.notification.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook as the API shows it. The secret appears only in the answer to the POST that generated it; it is never
 * shown again.
 *
 * @param events       what it is sent
 * @param filters      what a VALUATION_CHANGES webhook wants; null for the other kinds
 * @param roundFilters what a NEW_ROUNDS webhook wants; null for the other kinds
 * @param marketScopes the scopes a MARKET_RECOMPUTED webhook wants, empty for every one; null for the other kinds
 * @param owner        the id of the API key that registered it
 * @param failingSince when a delivery exhausted its retries; null while ACTIVE
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record WebhookView(UUID id, String url, @Nullable String description, WebhookEvents events,
                   @Nullable WebhookFilters filters, @Nullable RoundFilters roundFilters,
                   @Nullable List<String> marketScopes, WebhookStatus status,
                   String owner, Instant createdAt, @Nullable Instant failingSince,
                   @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String secret) {

    static WebhookView of(Webhook webhook) {
        WebhookEvents events = webhook.events();
        return new WebhookView(webhook.id(), webhook.url(), webhook.description(), events,
                events == WebhookEvents.VALUATION_CHANGES ? webhook.filters() : null,
                events == WebhookEvents.NEW_ROUNDS ? webhook.roundFilters() : null,
                events == WebhookEvents.MARKET_RECOMPUTED ? marketScopes(webhook) : null, webhook.status(),
                webhook.ownerId(), webhook.createdAt(), webhook.failingSince(), null);
    }

    private static List<String> marketScopes(Webhook webhook) {
        return webhook.marketScopes() == null ? List.of() : webhook.marketScopes();
    }

    WebhookView withSecret(String generated) {
        return new WebhookView(id, url, description, events, filters, roundFilters, marketScopes, status, owner,
                createdAt, failingSince, generated);
    }
}
