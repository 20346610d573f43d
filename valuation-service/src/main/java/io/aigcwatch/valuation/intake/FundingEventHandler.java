package io.aigcwatch.valuation.intake;

import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.kit.inbox.ConsumedEvent;
import io.aigcwatch.kit.inbox.EventHandler;
import io.aigcwatch.kit.inbox.EventTypes;
import io.aigcwatch.kit.inbox.PoisonMessage;
import io.aigcwatch.valuation.ledger.ValuationLedger;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * What a funding event does to the ledger: a recorded or corrected round is the company's valuation point, a
 * retraction takes it back. A retraction for a company this service never saw can never apply.
 */
@Singleton
class FundingEventHandler implements EventHandler {
    private final ValuationLedger ledger;
    private final EventTypes types;

    FundingEventHandler(ValuationLedger ledger) {
        this.ledger = ledger;
        this.types = EventTypes.builder()
                .on(FundingEventTypes.RECORDED, FundingRoundData.class, ledger::applyRound)
                .on(FundingEventTypes.CORRECTED, FundingRoundData.class, ledger::applyRound)
                .on(FundingEventTypes.RETRACTED, FundingRetracted.class, this::retract)
                .build();
    }

    @Override
    public void apply(ConsumedEvent event) {
        types.apply(event);
    }

    private void retract(UUID eventId, FundingRetracted retraction) {
        if (!ledger.applyRetraction(eventId, retraction)) {
            throw new PoisonMessage("unknown company " + retraction.companyId() + " in a retraction");
        }
    }
}
