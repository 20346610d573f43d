package io.aigcwatch.notification.webhook;

import io.aigcwatch.events.valuation.ValuationChanged;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

/** A registered webhook, as the {@code webhook} table holds it. */
@MappedEntity("webhook")
public record Webhook(@Id UUID id, String ownerId, String url, String secret, @Nullable String description,
               @TypeDef(type = DataType.JSON) WebhookFilters filters, WebhookStatus status, Instant createdAt,
               @Nullable Instant failingSince) {

    /** Whether this webhook's filters let the change through; whether it is active is not asked here. */
    public boolean wants(ValuationChanged change) {
        return filters.criteria().matches(change);
    }
}
