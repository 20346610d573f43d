package io.aigcwatch.notification.intake;

import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.kit.inbox.BatchHandler;
import io.aigcwatch.kit.inbox.ConsumedEvent;
import io.aigcwatch.kit.inbox.PoisonMessage;
import io.aigcwatch.notification.webhook.Webhook;
import io.aigcwatch.notification.webhook.WebhookEvents;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * Turns each valuation change of a polled batch into a pending delivery for every active webhook of valuation changes
 * that wants it. The inbox calls it in the transaction that stores the events' ids, so a redelivered or replayed
 * change creates no second delivery, and it parks what can never apply: this topic carries nothing else.
 */
@Singleton
class ValuationChangeIntake implements BatchHandler {
    private final WebhookFanOut fanOut;

    ValuationChangeIntake(WebhookFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @Override
    public void apply(List<ConsumedEvent> events) {
        fanOut.fanOut(events, WebhookEvents.VALUATION_CHANGES, ValuationChangeIntake::change, Webhook::wanted);
    }

    private static Optional<ValuationChanged> change(ConsumedEvent event) {
        if (!ValuationChanged.TYPE.equals(event.type())) {
            throw new PoisonMessage("unknown event type '" + event.type() + "'");
        }
        return Optional.of(event.data(ValuationChanged.class));
    }
}
