package io.aigcwatch.notification.support;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.FundingEventSources;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.MoneyData;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.testkit.TestInfra;
import io.aigcwatch.testkit.TopicWriter;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Publishes funding events as funding-service's outbox relay does: structured-mode CloudEvents from
 * {@code /aigcwatch/funding-service}, keyed and subjected by company id (so a company's events keep their order on one
 * partition), with the content-type header, on a topic of several partitions.
 */
public final class FundingEvents implements AutoCloseable {
    public static final String SOURCE = FundingEventSources.SERVICE;

    private final TopicWriter topic;
    private final JsonMapper json;

    public FundingEvents(TestInfra infra, JsonMapper json) {
        this.topic = new TopicWriter(infra.bootstrapServers(), infra.topic(Topics.FUNDING_EVENTS), 3);
        this.json = json;
    }

    public static CompanyData company(String name, String country, Layer layer, String... segments) {
        return new CompanyData(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)), name, null, country, layer,
                List.of(segments));
    }

    /** A round of {@code usd} US dollars, exact, announced on 1 May 2024; the first investor leads. */
    public static FundingRoundData round(CompanyData company, RoundType type, String usd, String... investors) {
        BigDecimal amount = new BigDecimal(usd);
        MoneyData money = new MoneyData(amount, null, null, "USD", AmountPrecision.EXACT, amount, null, null,
                BigDecimal.ONE, LocalDate.of(2024, 5, 1));
        List<InvestorData> backers = java.util.stream.IntStream.range(0, investors.length)
                .mapToObj(i -> new InvestorData(investors[i], i == 0)).toList();
        return new FundingRoundData(UUID.randomUUID(), 1, company, type, money, null, LocalDate.of(2024, 5, 1), backers,
                "https://example.com/news", null);
    }

    public CloudEvent<FundingRoundData> recorded(FundingRoundData round) {
        return publish(SOURCE, FundingEventTypes.RECORDED, round.company().id(), round, Instant.now());
    }

    /** A round recorded by the bulk import job {@code job}, as its event comes from funding-service. */
    public CloudEvent<FundingRoundData> imported(FundingRoundData round, UUID job) {
        return publish(FundingEventSources.importJob(job), FundingEventTypes.RECORDED, round.company().id(), round,
                Instant.now());
    }

    /** A round recorded at {@code time}, as an event read late from a backlog carries it. */
    public CloudEvent<FundingRoundData> recordedAt(FundingRoundData round, Instant time) {
        return publish(SOURCE, FundingEventTypes.RECORDED, round.company().id(), round, time);
    }

    public CloudEvent<FundingRoundData> corrected(FundingRoundData round) {
        FundingRoundData next = new FundingRoundData(round.roundId(), round.version() + 1, round.company(),
                round.round(), round.amount(), round.postMoneyValuation(), round.announcedOn(), round.investors(),
                round.source(), round.announcedPrecision());
        return publish(SOURCE, FundingEventTypes.CORRECTED, round.company().id(), next, Instant.now());
    }

    public CloudEvent<FundingRetracted> retracted(FundingRoundData round) {
        return publish(SOURCE, FundingEventTypes.RETRACTED, round.company().id(),
                new FundingRetracted(round.roundId(), round.company().id(), round.version() + 1, "duplicate"),
                Instant.now());
    }

    /** The same event again, as a relay that published it but crashed before marking it sent does. */
    public void redeliver(CloudEvent<FundingRoundData> event) {
        send(event.subject(), json(event));
    }

    /** The event as it travels: the exact bytes a receiver must get. */
    public String json(CloudEvent<?> event) {
        try {
            return json.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> CloudEvent<T> publish(String source, String type, UUID company, T data, Instant time) {
        CloudEvent<T> event = CloudEvent.of(source, type, company.toString(), time.truncatedTo(ChronoUnit.MICROS), data);
        send(company.toString(), json(event));
        return event;
    }

    private void send(String key, String value) {
        topic.send(key, value);
    }

    @Override
    public void close() {
        topic.close();
    }
}
