package io.aigcwatch.notification.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /api/webhooks}. Everything is nullable here so that {@link WebhookRequestValidator} can
 * name every missing or bad field at once.
 *
 * @param secret       left out to have one generated and returned once
 * @param events       {@link WebhookEvents}; left out for VALUATION_CHANGES, what every webhook got before round alerts
 * @param filters      for VALUATION_CHANGES only
 * @param roundFilters for NEW_ROUNDS only; its {@code includeImported} is read as any JSON value, so that one that is
 *                     not a boolean is named in the 422 with the other bad filters rather than failing the whole body
 * @param marketScopes for MARKET_RECOMPUTED only: the scopes wanted, every one when left out or empty
 */
@Serdeable
record WebhookRequest(@Nullable String url, @Nullable String secret, @Nullable String events,
                      @Nullable Filters filters, @Nullable RoundFilterValues roundFilters,
                      @Nullable List<String> marketScopes, @Nullable String description) {

    @Serdeable
    record Filters(@Nullable List<String> companies, @Nullable List<String> countries, @Nullable List<String> layers,
                   @Nullable Boolean unicornOnly, @Nullable BigDecimal minChangePct) {
    }

    @Serdeable
    record RoundFilterValues(@Nullable List<String> companies, @Nullable List<String> investors,
                             @Nullable List<String> countries, @Nullable List<String> layers,
                             @Nullable List<String> segments, @Nullable List<String> roundTypes,
                             @Nullable BigDecimal minUsd, @Nullable Object includeImported) {
    }
}
