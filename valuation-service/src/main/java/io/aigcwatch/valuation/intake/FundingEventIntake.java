package io.aigcwatch.valuation.intake;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.kit.inbox.CloudEventReader;
import io.aigcwatch.kit.inbox.PoisonMessage;
import io.aigcwatch.kit.inbox.ProcessedEvents;
import io.aigcwatch.valuation.ledger.ValuationLedger;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Applies one funding event in one transaction with the record of its id, so a redelivered or replayed event
 * changes nothing. A record that can never apply is parked on the dead-letter topic instead of blocking the
 * partition; anything else (the database is down) propagates, and the listener retries it.
 */
@Singleton
class FundingEventIntake {
    private static final Logger LOG = LoggerFactory.getLogger(FundingEventIntake.class);

    private final CloudEventReader reader;
    private final ProcessedEvents processed;
    private final ValuationLedger ledger;
    private final DeadLetters deadLetters;

    FundingEventIntake(CloudEventReader reader, ProcessedEvents processed, ValuationLedger ledger,
                       DeadLetters deadLetters) {
        this.reader = reader;
        this.processed = processed;
        this.ledger = ledger;
        this.deadLetters = deadLetters;
    }

    void accept(ConsumerRecord<String, String> record) {
        try {
            apply(record.value());
        } catch (PoisonMessage poison) {
            LOG.warn("Parking {}/{}/{} on the dead-letter topic: {}", record.topic(), record.partition(),
                    record.offset(), poison.getMessage());
            deadLetters.park(record, poison.getMessage());
        }
    }

    @Transactional
    void apply(String value) {
        CloudEvent<JsonNode> event = reader.envelope(value);
        UUID eventId = CloudEventReader.id(event);
        if (!processed.firstTime(eventId, Topics.FUNDING_EVENTS)) {
            return;
        }
        switch (event.type()) {
            case FundingEventTypes.RECORDED, FundingEventTypes.CORRECTED ->
                    ledger.applyRound(eventId, reader.data(event, FundingRoundData.class));
            case FundingEventTypes.RETRACTED -> {
                FundingRetracted retraction = reader.data(event, FundingRetracted.class);
                if (!ledger.applyRetraction(eventId, retraction)) {
                    throw new PoisonMessage("unknown company " + retraction.companyId() + " in a retraction");
                }
            }
            default -> throw new PoisonMessage("unknown event type '" + event.type() + "'");
        }
    }
}
