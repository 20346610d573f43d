package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRoundData;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * The hub of new rounds, behind {@code GET /api/stream/rounds}: {@code funding.recorded} from funding.events.v1, and
 * nothing else of that topic. A correction or a retraction is no new round, as for round alerts by webhook.
 */
@Singleton
@Requires(beans = StreamConsumers.class)
final class RoundHub extends EventHub<FundingRoundData> {
    static final StreamFeed<FundingRoundData> FEED = new StreamFeed<>("rounds", Topics.FUNDING_EVENTS,
            FundingEventTypes.RECORDED, FundingRoundData.class, SseMessages.ROUND, "GET /api/funding-events");

    RoundHub(StreamConsumers consumers, EventDecoder decoder) {
        super(FEED, consumers, decoder);
    }

    @PreDestroy
    @Override
    void stop() throws InterruptedException {
        super.stop();
    }
}
