package io.aigcwatch.notification.intake;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.market.MarketRecomputed;
import io.aigcwatch.kit.inbox.BatchHandler;
import io.aigcwatch.kit.inbox.CloudEventReader;
import io.aigcwatch.kit.inbox.ConsumedEvent;
import io.aigcwatch.notification.webhook.Webhook;
import io.aigcwatch.notification.webhook.WebhookEvents;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns each {@code market.recomputed} of a polled batch into a pending delivery for every active webhook of market
 * recomputes whose scopes cover it, in the transaction in which the inbox stores the events' ids, so a redelivered
 * event is delivered to no one twice. Another type on the topic is taken in and passes rather than being parked: the
 * topic is market-service's to extend, and this service reads it for one type, as it reads funding.events.v1.
 *
 * <p>A webhook is owed the recomputes published after it was created ({@link Webhook#isNews}): this consumer group
 * reads the topic from its start the first time, and a month of old moves is not news to anyone.
 */
@Singleton
class MarketRecomputeIntake implements BatchHandler {
    private final WebhookFanOut fanOut;
    private final CloudEventReader reader;

    MarketRecomputeIntake(WebhookFanOut fanOut, CloudEventReader reader) {
        this.fanOut = fanOut;
        this.reader = reader;
    }

    /** @param publishedAt the event's time, when market-service published it; null when the event does not say */
    record Recomputed(@Nullable Instant publishedAt, MarketRecomputed data) {
    }

    @Override
    public void apply(List<ConsumedEvent> events) {
        fanOut.fanOut(events, WebhookEvents.MARKET_RECOMPUTED, this::recomputed, MarketRecomputeIntake::wanted);
    }

    private Optional<Recomputed> recomputed(ConsumedEvent event) {
        if (!MarketRecomputed.TYPE.equals(event.type())) {
            return Optional.empty();
        }
        CloudEvent<JsonNode> envelope = reader.envelope(event.published());
        return Optional.of(new Recomputed(envelope.time(), reader.data(envelope, MarketRecomputed.class)));
    }

    private static Predicate<Recomputed> wanted(Webhook webhook) {
        Predicate<MarketRecomputed> scopes = webhook.recomputesWanted();
        return recomputed -> webhook.isNews(recomputed.publishedAt()) && scopes.test(recomputed.data());
    }
}
