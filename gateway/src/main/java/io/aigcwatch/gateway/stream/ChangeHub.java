package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.Topics;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/** The hub of valuation changes, behind {@code GET /api/valuation-changes/stream}. */
@Singleton
@Requires(beans = StreamConsumers.class)
final class ChangeHub extends EventHub<ValuationChanged> {
    static final StreamFeed<ValuationChanged> FEED = new StreamFeed<>("valuation", Topics.VALUATION_CHANGES,
            ValuationChanged.TYPE, ValuationChanged.class, SseMessages.CHANGED, "GET /api/valuation-changes");

    ChangeHub(StreamConsumers consumers, EventDecoder decoder) {
        super(FEED, consumers, decoder);
    }

    @PreDestroy
    @Override
    void stop() throws InterruptedException {
        super.stop();
    }
}
