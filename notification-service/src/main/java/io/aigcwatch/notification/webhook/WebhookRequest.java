package io.aigcwatch.notification.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * The body of {@code POST /api/webhooks}. Everything is nullable here so that {@link WebhookRequestValidator} can
 * name every missing or bad field at once.
 *
 * @param secret left out to have one generated and returned once
 */
@Serdeable
record WebhookRequest(@Nullable String url, @Nullable String secret, @Nullable Filters filters,
                      @Nullable String description) {

    @Serdeable
    record Filters(@Nullable List<String> companies, @Nullable List<String> countries, @Nullable List<String> layers,
                   @Nullable Boolean unicornOnly, @Nullable BigDecimal minChangePct) {
    }
}
