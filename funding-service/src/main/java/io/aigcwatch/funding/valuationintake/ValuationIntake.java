package io.aigcwatch.funding.valuationintake;

import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.kit.inbox.BatchHandler;
import io.aigcwatch.kit.inbox.ConsumedEvent;
import io.aigcwatch.kit.inbox.PoisonMessage;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a polled batch of {@code valuation.changed} events and hands them, in poll order, to
 * {@link CompanyValuations}; the inbox calls it in the transaction that stores the events' ids, so a redelivered or
 * replayed change moves no counter twice. Any other type, or data that does not fit, is poison.
 */
@Singleton
class ValuationIntake implements BatchHandler {
    private final CompanyValuations valuations;

    ValuationIntake(CompanyValuations valuations) {
        this.valuations = valuations;
    }

    @Override
    public void apply(List<ConsumedEvent> events) {
        List<ValuationChanged> changes = new ArrayList<>(events.size());
        for (ConsumedEvent event : events) {
            if (!ValuationChanged.TYPE.equals(event.type())) {
                throw new PoisonMessage("unknown event type '" + event.type() + "'");
            }
            changes.add(event.data(ValuationChanged.class));
        }
        valuations.apply(changes);
    }
}
