package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.Topics;
import io.aigcwatch.events.market.MarketRecomputed;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * The hub of market recomputes, behind {@code GET /api/stream/market}: {@code market.recomputed} from
 * market.projections.v1, one event per scope that moved. A client that resumed too far back reloads the outputs
 * themselves, which market-service serves.
 */
@Singleton
@Requires(beans = StreamConsumers.class)
final class MarketHub extends EventHub<MarketRecomputed> {
    static final StreamFeed<MarketRecomputed> FEED = new StreamFeed<>("market", Topics.MARKET_PROJECTIONS,
            MarketRecomputed.TYPE, MarketRecomputed.class, SseMessages.MARKET,
            "GET /api/market/shares and GET /api/market/projections");

    MarketHub(StreamConsumers consumers, EventDecoder decoder) {
        super(FEED, consumers, decoder);
    }

    @PreDestroy
    @Override
    void stop() throws InterruptedException {
        super.stop();
    }
}
