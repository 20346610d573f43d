package io.aigcwatch.gateway.webhook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

/** A registered webhook, as the {@code webhook} table holds it. */
@MappedEntity("webhook")
record Webhook(@Id UUID id, String ownerId, String url, String secret, @Nullable String description,
               @TypeDef(type = DataType.JSON) WebhookFilters filters, WebhookStatus status, Instant createdAt,
               @Nullable Instant failingSince) {

    boolean isActive() {
        return status == WebhookStatus.ACTIVE;
    }
}
