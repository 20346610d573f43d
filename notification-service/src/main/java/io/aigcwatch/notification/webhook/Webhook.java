package io.aigcwatch.notification.webhook;

import io.aigcwatch.events.valuation.ChangeCriteria;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

/** A registered webhook, as the {@code webhook} table holds it. */
@MappedEntity("webhook")
public record Webhook(@Id UUID id, String ownerId, String url, String secret, @Nullable String description,
               @TypeDef(type = DataType.JSON) WebhookFilters filters, WebhookStatus status, Instant createdAt,
               @Nullable Instant failingSince) {

    /** Whether this webhook's filters let the change through; whether it is active is not asked here. */
    public boolean wants(ValuationChanged change) {
        return wanted().test(change);
    }

    /**
     * {@link #wants} with the filters read once: a batch asks every webhook about thousands of changes, and building
     * the criteria is most of the cost of a question.
     */
    public Predicate<ValuationChanged> wanted() {
        ChangeCriteria criteria = filters.criteria();
        return criteria::matches;
    }
}
