package io.aigcwatch.notification.webhook;

import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.RoundCriteria;
import io.aigcwatch.events.market.MarketCriteria;
import io.aigcwatch.events.market.MarketRecomputed;
import io.aigcwatch.events.valuation.ChangeCriteria;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * A registered webhook, as the {@code webhook} table holds it.
 *
 * @param filters      what a {@link WebhookEvents#VALUATION_CHANGES} webhook wants; {@link WebhookFilters#NONE} for
 *                     the other kinds
 * @param roundFilters what a {@link WebhookEvents#NEW_ROUNDS} webhook wants; null for the other kinds
 * @param marketScopes the scopes a {@link WebhookEvents#MARKET_RECOMPUTED} webhook wants, empty for every one
 *                     ({@link MarketCriteria}); null for the other kinds
 */
@MappedEntity("webhook")
public record Webhook(@Id UUID id, String ownerId, String url, String secret, @Nullable String description,
               WebhookEvents events, @TypeDef(type = DataType.JSON) WebhookFilters filters,
               @Nullable @TypeDef(type = DataType.JSON) RoundFilters roundFilters,
               @Nullable @TypeDef(type = DataType.JSON) List<String> marketScopes, WebhookStatus status,
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

    /** {@link #wanted} for a webhook of market recomputes: the scopes it names, read once for a whole batch. */
    public Predicate<MarketRecomputed> recomputesWanted() {
        MarketCriteria criteria = MarketCriteria.of(marketScopes == null ? List.of() : marketScopes, List.of());
        return criteria::matches;
    }

    /**
     * Whether an event published at {@code time} is news to this webhook: it is owed only what happened after it was
     * created, never older events that a backlog, or a new consumer group reading a topic from its start, brings.
     * An event without a time (CloudEvents allows it; the services always set one) is not known to be old.
     */
    public boolean isNews(@Nullable Instant time) {
        return time == null || !time.isBefore(createdAt);
    }
}
