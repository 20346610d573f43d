package io.aigcwatch.market.shares;

import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.kit.inbox.ConsumedEvent;
import io.aigcwatch.kit.inbox.EventHandler;
import io.aigcwatch.kit.inbox.EventTypes;
import io.aigcwatch.market.recompute.Recomputer;
import jakarta.inject.Singleton;

/**
 * What the consumed events do to the shares' inputs: a funding round adds its contribution to the funding
 * aggregates (a correction replaces it, a retraction takes it out), and a valuation change is its company's current
 * value. Once an event's transaction commits, the shares it moved are due for a recompute.
 */
@Singleton
class ShareInputs {
    private final EventHandler funding;
    private final EventHandler valuations;

    ShareInputs(FundingAggregates aggregates, CompanyValueRepository values, Recomputer recomputer) {
        this.funding = recomputing(recomputer, EventTypes.builder()
                .on(FundingEventTypes.RECORDED, FundingRoundData.class, (eventId, round) -> aggregates.record(round))
                .on(FundingEventTypes.CORRECTED, FundingRoundData.class, (eventId, round) -> aggregates.record(round))
                .on(FundingEventTypes.RETRACTED, FundingRetracted.class,
                        (eventId, retraction) -> aggregates.retract(retraction))
                .build());
        this.valuations = recomputing(recomputer, EventTypes.builder()
                .on(ValuationChanged.TYPE, ValuationChanged.class, (eventId, change) -> values.upsert(change.companyId(),
                        change.companyName(), change.currentUsd(), change.statusAfter().name()))
                .build());
    }

    EventHandler funding() {
        return funding;
    }

    EventHandler valuations() {
        return valuations;
    }

    private static EventHandler recomputing(Recomputer recomputer, EventTypes types) {
        return new EventHandler() {
            @Override
            public void apply(ConsumedEvent event) {
                types.apply(event);
            }

            @Override
            public void committed(ConsumedEvent event) {
                recomputer.inputsChanged(ShareScopes.SHARES);
            }
        };
    }
}
