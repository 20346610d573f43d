package io.aigcwatch.notification.webhook;

import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.RoundCriteria;
import io.aigcwatch.events.valuation.ChangeCriteria;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * A registered webhook, as the {@code webhook} table holds it.
 *
 * @param filters      what a {@link WebhookEvents#VALUATION_CHANGES} webhook wants; {@link WebhookFilters#NONE} for
 *                     one of new rounds
 * @param roundFilters what a {@link WebhookEvents#NEW_ROUNDS} webhook wants; null for one of valuation changes
 */
@MappedEntity("webhook")
public record Webhook(@Id UUID id, String ownerId, String url, String secret, @Nullable String description,
               WebhookEvents events, @TypeDef(type = DataType.JSON) WebhookFilters filters,
               @Nullable @TypeDef(type = DataType.JSON) RoundFilters roundFilters, WebhookStatus status,
               Instant createdAt, @Nullable Instant failingSince) {

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

    /**
     * {@link #wanted} for a round alert: the rounds its filters let through, read once for a whole batch; asked with
     * the source of each round's event, since whether an import recorded it is one of the filters.
     */
    public BiPredicate<String, FundingRoundData> roundsWanted() {
        RoundCriteria criteria = (roundFilters == null ? RoundFilters.NONE : roundFilters).criteria();
        return criteria::matches;
    }
}
