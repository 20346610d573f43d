package io.aigcwatch.valuation;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.MoneyData;
import io.aigcwatch.events.funding.RoundType;
import io.micronaut.json.JsonMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes funding events as funding-service does: CloudEvents keyed by company id, from a stock producer. */
final class FundingEvents implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final JsonMapper json;

    FundingEvents(String bootstrapServers, String topic, JsonMapper json) {
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer());
        this.topic = topic;
        this.json = json;
    }

    static CompanyData company(String name) {
        return new CompanyData(UUID.nameUUIDFromBytes(name.getBytes()), name, null, "US", Layer.MODEL, List.of());
    }

    static FundingRoundData round(CompanyData company, UUID roundId, long version, String valuationUsd, LocalDate on) {
        MoneyData valuation = valuationUsd == null ? null : new MoneyData(new BigDecimal(valuationUsd), null, null,
                "USD", AmountPrecision.EXACT, new BigDecimal(valuationUsd), null, null, BigDecimal.ONE, on.withDayOfMonth(1));
        return new FundingRoundData(roundId, version, company, RoundType.SERIES_B,
                new MoneyData(null, null, null, "USD", AmountPrecision.UNDISCLOSED, null, null, null, null, null),
                valuation, on, List.of(), "test");
    }

    CloudEvent<FundingRoundData> recorded(FundingRoundData round) {
        return send(FundingEventTypes.RECORDED, round.company().id(), round);
    }

    CloudEvent<FundingRoundData> corrected(FundingRoundData round) {
        return send(FundingEventTypes.CORRECTED, round.company().id(), round);
    }

    /** The round's retraction at {@code version}: the version after its last recorded or corrected one. */
    CloudEvent<FundingRetracted> retracted(CompanyData company, UUID roundId, long version) {
        return send(FundingEventTypes.RETRACTED, company.id(), new FundingRetracted(roundId, company.id(), version, "test"));
    }

    <T> CloudEvent<T> send(String type, UUID companyId, T data) {
        return sendTo(null, type, companyId, data);
    }

    /** As {@link #send}, on the given partition rather than the one its key hashes to; null for that one. */
    <T> CloudEvent<T> sendTo(Integer partition, String type, UUID companyId, T data) {
        CloudEvent<T> event = CloudEvent.of("/test", type, companyId.toString(), Instant.now(), data);
        try {
            raw(partition, companyId.toString(), json.writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return event;
    }

    void resend(String key, Object event) {
        try {
            raw(null, key, json.writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void raw(String key, String value) {
        raw(null, key, value);
    }

    private void raw(Integer partition, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, partition, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
