package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.FundingEventSources;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.MoneyData;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.testkit.TopicWriter;
import io.micronaut.json.JsonMapper;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Publishes funding events as funding-service's outbox relay does: structured CloudEvents keyed and subjected by
 * company id, with their content-type header, from a stock producer that waits for the broker's ack.
 */
final class FundingRounds implements AutoCloseable {
    private final TopicWriter topic;
    private final JsonMapper json;

    /** What was published, where it landed, and the exact text a stream client should receive as data. */
    record Published(CloudEvent<?> event, String json, int partition, long offset) {
        String id() {
            return event.id();
        }
    }

    FundingRounds(String bootstrapServers, String topic, JsonMapper json) {
        this.topic = new TopicWriter(bootstrapServers, topic);
        this.json = json;
    }

    static CompanyData company(String name, String country, Layer layer, String... segments) {
        return new CompanyData(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), name, null, country, layer,
                List.of(segments));
    }

    /** A round of {@code usd} US dollars, exact; the first investor leads. */
    static FundingRoundData round(CompanyData company, RoundType type, String usd, String... investors) {
        BigDecimal amount = new BigDecimal(usd);
        MoneyData money = new MoneyData(amount, null, null, "USD", AmountPrecision.EXACT, amount, null, null,
                BigDecimal.ONE, LocalDate.of(2024, 5, 1));
        List<InvestorData> backers = IntStream.range(0, investors.length)
                .mapToObj(i -> new InvestorData(investors[i], i == 0)).toList();
        return new FundingRoundData(UUID.randomUUID(), 1, company, type, money, null, LocalDate.of(2024, 5, 1), backers,
                null, null);
    }

    Published recorded(FundingRoundData round) {
        return publish(FundingEventSources.SERVICE, FundingEventTypes.RECORDED, round.company().id(), round);
    }

    /** A round that the bulk import job {@code job} recorded, as funding-service announces it. */
    Published imported(FundingRoundData round, UUID job) {
        return publish(FundingEventSources.importJob(job), FundingEventTypes.RECORDED, round.company().id(), round);
    }

    Published corrected(FundingRoundData round) {
        return publish(FundingEventSources.SERVICE, FundingEventTypes.CORRECTED, round.company().id(),
                new FundingRoundData(round.roundId(), round.version() + 1, round.company(), round.round(),
                        round.amount(), null, round.announcedOn(), round.investors(), null, null));
    }

    Published retracted(FundingRoundData round) {
        return publish(FundingEventSources.SERVICE, FundingEventTypes.RETRACTED, round.company().id(),
                new FundingRetracted(round.roundId(), round.company().id(), round.version() + 1, "duplicate"));
    }

    private Published publish(String source, String type, UUID company, Object data) {
        CloudEvent<Object> event = CloudEvent.of(source, type, company.toString(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), data);
        try {
            String value = json.writeValueAsString(event);
            RecordMetadata written = topic.send(company.toString(), value);
            return new Published(event, value, written.partition(), written.offset());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        topic.close();
    }
}
