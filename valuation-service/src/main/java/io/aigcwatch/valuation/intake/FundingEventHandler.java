package io.aigcwatch.valuation.intake;

import io.aigcwatch.events.funding.CompanyStatusChanged;
import io.aigcwatch.events.funding.CompanyUpdated;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.kit.inbox.BatchHandler;
import io.aigcwatch.kit.inbox.ConsumedEvent;
import io.aigcwatch.kit.inbox.PoisonMessage;
import io.aigcwatch.valuation.ledger.FundingChange;
import io.aigcwatch.valuation.ledger.ValuationLedger;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * What the funding events of a polled batch do to the ledger, all at once: a recorded or corrected round is the
 * company's valuation point, a retraction takes it back, a profile edit renames the company's copy, and an exit
 * takes it off the unicorns. An event of another type, or whose data does not fit, can
 * never apply; so can a retraction for a company this service never saw (the ledger says so).
 */
@Singleton
class FundingEventHandler implements BatchHandler {
    private final ValuationLedger ledger;

    FundingEventHandler(ValuationLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void apply(List<ConsumedEvent> events) {
        List<FundingChange> changes = new ArrayList<>(events.size());
        for (ConsumedEvent event : events) {
            changes.add(switch (event.type()) {
                case FundingEventTypes.RECORDED, FundingEventTypes.CORRECTED ->
                        new FundingChange.Round(event.id(), event.data(FundingRoundData.class));
                case FundingEventTypes.RETRACTED ->
                        new FundingChange.Retraction(event.id(), event.data(FundingRetracted.class));
                case FundingEventTypes.COMPANY_UPDATED ->
                        new FundingChange.Profile(event.id(), event.data(CompanyUpdated.class).company());
                case FundingEventTypes.COMPANY_STATUS_CHANGED ->
                        new FundingChange.Status(event.id(), event.data(CompanyStatusChanged.class));
                default -> throw new PoisonMessage("unknown event type '" + event.type() + "'");
            });
        }
        ledger.apply(changes);
    }
}
