package io.aigcwatch.notification.intake;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.kit.inbox.BatchHandler;
import io.aigcwatch.kit.inbox.CloudEventReader;
import io.aigcwatch.kit.inbox.ConsumedEvent;
import io.aigcwatch.notification.webhook.Webhook;
import io.aigcwatch.notification.webhook.WebhookEvents;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Turns each round recorded in a polled batch of funding events into a pending delivery for every active round alert
 * that wants it. Only {@code funding.recorded} is a new round: a correction restates a round already announced, and a
 * retraction withdraws one, so neither alerts again. Every other event of the topic (corrections, retractions,
 * company edits and status events, and types added later) is taken in and passes, rather than parked: this service
 * reads the topic for one type, and the others are funding-service's to add. As for valuation changes, the inbox
 * stores each event's id in the transaction that queues its deliveries, so a redelivered round alerts no one twice.
 *
 * <p>An alert is owed the rounds recorded after it was created, never older ones: a backlog read after downtime, or
 * the topic read from its start by a new consumer group, must not alert anyone of a round that was not news when
 * they asked. The event's time is when funding-service recorded the round. Nor is a round a bulk import loaded
 * news, unless the alert asks for those too ({@code roundFilters.includeImported}): its event's source says so.
 */
@Singleton
class NewRoundIntake implements BatchHandler {
    private final WebhookFanOut fanOut;
    private final CloudEventReader reader;

    NewRoundIntake(WebhookFanOut fanOut, CloudEventReader reader) {
        this.fanOut = fanOut;
        this.reader = reader;
    }

    /**
     * A new round, when it was recorded (null when its event does not say) and its event's source (which says
     * whether an import recorded it).
     */
    record RecordedRound(Instant recordedAt, String source, FundingRoundData round) {
    }

    @Override
    public void apply(List<ConsumedEvent> events) {
        fanOut.fanOut(events, WebhookEvents.NEW_ROUNDS, this::recorded, NewRoundIntake::wanted);
    }

    private Optional<RecordedRound> recorded(ConsumedEvent event) {
        if (!FundingEventTypes.RECORDED.equals(event.type())) {
            return Optional.empty();
        }
        CloudEvent<JsonNode> envelope = reader.envelope(event.published());
        return Optional.of(new RecordedRound(envelope.time(), envelope.source(),
                reader.data(envelope, FundingRoundData.class)));
    }

    private static Predicate<RecordedRound> wanted(Webhook webhook) {
        BiPredicate<String, FundingRoundData> filters = webhook.roundsWanted();
        return recorded -> webhook.isNews(recorded.recordedAt()) && filters.test(recorded.source(), recorded.round());
    }
}
