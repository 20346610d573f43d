package io.aigcwatch.market.shares;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.kit.inbox.CloudEventReader;
import io.aigcwatch.kit.inbox.PoisonMessage;
import io.aigcwatch.kit.inbox.ProcessedEvents;
import io.aigcwatch.market.recompute.Recomputer;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/**
 * Applies funding and valuation events to the live aggregates, each in one transaction with the record of its id,
 * so that a redelivery or a replay changes nothing. A record that can never apply is logged and skipped:
 * valuation-service parks funding poison on the dead-letter topic already, and a second copy there would mislead.
 */
@Singleton
class MarketIntake {
    private static final Logger LOG = LoggerFactory.getLogger(MarketIntake.class);

    private final CloudEventReader reader;
    private final ProcessedEvents processed;
    private final FundingAggregates funding;
    private final JdbcOperations jdbc;
    private final Recomputer recomputer;

    MarketIntake(CloudEventReader reader, ProcessedEvents processed, FundingAggregates funding, JdbcOperations jdbc,
                 Recomputer recomputer) {
        this.reader = reader;
        this.processed = processed;
        this.funding = funding;
        this.jdbc = jdbc;
        this.recomputer = recomputer;
    }

    void accept(ConsumerRecord<String, String> record) {
        try {
            apply(record.topic(), record.value());
            recomputer.inputsChanged(ShareScopes.SHARES);
        } catch (PoisonMessage poison) {
            LOG.warn("Skipping {}/{}/{}: {}", record.topic(), record.partition(), record.offset(), poison.getMessage());
        }
    }

    @Transactional
    void apply(String topic, String value) {
        CloudEvent<JsonNode> event = reader.envelope(value);
        UUID eventId = CloudEventReader.id(event);
        if (!processed.firstTime(eventId, topic.endsWith(Topics.VALUATION_CHANGES) ? Topics.VALUATION_CHANGES
                : Topics.FUNDING_EVENTS)) {
            return;
        }
        switch (event.type()) {
            case FundingEventTypes.RECORDED, FundingEventTypes.CORRECTED ->
                    funding.record(reader.data(event, FundingRoundData.class));
            case FundingEventTypes.RETRACTED -> funding.retract(reader.data(event, FundingRetracted.class).roundId());
            case ValuationChanged.TYPE -> value(reader.data(event, ValuationChanged.class));
            default -> throw new PoisonMessage("unknown event type '" + event.type() + "'");
        }
    }

    private void value(ValuationChanged change) {
        jdbc.prepareStatement("""
                insert into company_value (company_id, name, usd, status) values (?, ?, ?, ?)
                on conflict (company_id) do update set name = excluded.name, usd = excluded.usd, status = excluded.status""",
                statement -> {
                    statement.setObject(1, change.companyId());
                    statement.setString(2, change.companyName());
                    statement.setBigDecimal(3, change.currentUsd());
                    statement.setString(4, change.statusAfter().name());
                    return statement.executeUpdate();
                });
    }
}
