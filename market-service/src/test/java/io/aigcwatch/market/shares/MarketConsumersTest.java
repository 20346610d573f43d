package io.aigcwatch.market.shares;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.MoneyData;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.events.valuation.StatusTransition;
import io.aigcwatch.events.valuation.UnicornStatus;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.testkit.RefusedInserts;
import io.aigcwatch.testkit.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each topic market-service consumes parks its poison on its own dead-letter topic and goes on with the next record;
 * a failure that passes is retried until it applies, on both topics, skipping nothing.
 */
class MarketConsumersTest extends MarketIntakeTest {
    @Test
    void fundingPoisonIsParkedAndTheNextRoundApplies() throws Exception {
        // one key, so one partition: the good record waits behind the poison
        UUID company = UUID.randomUUID();
        send(Topics.FUNDING_EVENTS, null, company.toString(), "not json");
        send(Topics.FUNDING_EVENTS, null, company.toString(),
                json.writeValueAsString(CloudEvent.of("/test", "funding.unheard-of", null, Instant.now(), Map.of())));
        send(Topics.FUNDING_EVENTS, null, company.toString(), json.writeValueAsString(recorded(company, "After Poison Capital")));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                infra.queryLong("select count(*) from market.funding_aggregate where bucket = 'After Poison Capital'") == 2);
        List<ConsumerRecord<String, String>> parked = parked(Topics.FUNDING_EVENTS, 2);
        assertEquals("not json", parked.get(0).value());
        assertTrue(header(parked.get(0), Topics.DLT_REASON).startsWith("not a CloudEvent"), parked.get(0)::toString);
        assertEquals("unknown event type 'funding.unheard-of'", header(parked.get(1), Topics.DLT_REASON));
    }

    @Test
    void valuationPoisonIsParkedAndTheNextChangeApplies() throws Exception {
        UUID company = UUID.randomUUID();
        send(Topics.VALUATION_CHANGES, null, company.toString(), "{not json either");
        // no companyId: the data does not fit a valuation change
        send(Topics.VALUATION_CHANGES, null, company.toString(), json.writeValueAsString(CloudEvent.of("/test",
                ValuationChanged.TYPE, null, Instant.now(), Map.of("companyName", "Nobody"))));
        send(Topics.VALUATION_CHANGES, null, company.toString(), json.writeValueAsString(changed(company, "Valued After Poison")));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                infra.queryLong("select count(*) from market.company_value where name = 'Valued After Poison'") == 1);
        List<ConsumerRecord<String, String>> parked = parked(Topics.VALUATION_CHANGES, 2);
        assertEquals("{not json either", parked.get(0).value());
        assertTrue(header(parked.get(0), Topics.DLT_REASON).startsWith("not a CloudEvent"), parked.get(0)::toString);
        assertTrue(header(parked.get(1), Topics.DLT_REASON).startsWith("data does not fit valuation.changed"),
                parked.get(1)::toString);
    }

    /**
     * The database refuses every write while both topics hold records on partition 0, so both consumers fail and
     * rewind. A consumer polling both topics would have been left past the records of one of them, and committed
     * past them once the other applied; here every record applies once the database takes writes again.
     */
    @Test
    void aPassingFailureIsRetriedOnBothTopicsUntilEveryRecordApplies() throws Exception {
        Set<TopicPartition> zero = Set.of(new TopicPartition(infra.topic(Topics.FUNDING_EVENTS), 0),
                new TopicPartition(infra.topic(Topics.VALUATION_CHANGES), 0));
        // micronaut-kafka tells no assignment of a consumer that has not polled yet
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(IllegalArgumentException.class)
                .until(() -> assigned().containsAll(zero));
        try (RefusedInserts refused = RefusedInserts.into(infra, "market.processed_event")) {
            consumers.getConsumerIds().forEach(consumers::pause);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    consumers.getConsumerIds().stream().allMatch(consumers::isPaused));
            for (int i = 0; i < 5; i++) {
                UUID funded = UUID.randomUUID();
                send(Topics.FUNDING_EVENTS, 0, funded.toString(), json.writeValueAsString(recorded(funded, "Retry Capital")));
                UUID valued = UUID.randomUUID();
                send(Topics.VALUATION_CHANGES, 0, valued.toString(), json.writeValueAsString(changed(valued, "Retried " + i)));
            }
            // resumed at once: a consumer that polled both topics would get both partitions 0 in one poll
            consumers.getConsumerIds().forEach(consumers::resume);
            await().atMost(Duration.ofSeconds(20)).until(() -> refused.count() >= 4);
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                infra.queryLong("select count(*) from market.company_value where name like 'Retried %'") == 5
                        && infra.queryLong("select coalesce(max(rounds), 0) from market.funding_aggregate "
                        + "where bucket = 'Retry Capital'") == 5);
    }

    private Set<TopicPartition> assigned() {
        Set<TopicPartition> assigned = new HashSet<>();
        consumers.getConsumerIds().forEach(id -> assigned.addAll(consumers.getConsumerAssignment(id)));
        return assigned;
    }

    private List<ConsumerRecord<String, String>> parked(String topic, int count) {
        try (TopicReader dlt = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.dlt(topic)))) {
            List<ConsumerRecord<String, String>> parked = dlt.awaitRecords(Duration.ofSeconds(20),
                    records -> records.size() >= count);
            for (ConsumerRecord<String, String> poison : parked) {
                assertTrue(header(poison, Topics.DLT_ORIGIN).matches(Pattern.quote(infra.topic(topic)) + "/\\d+/\\d+"),
                        poison::toString);
                assertEquals("market-service", header(poison, Topics.DLT_CONSUMER));
            }
            return parked;
        }
    }

    static CloudEvent<FundingRoundData> recorded(UUID companyId, String lead) {
        CompanyData company = new CompanyData(companyId, "Co " + companyId, null, "US", Layer.MODEL, List.of("TEXT"));
        BigDecimal usd = new BigDecimal("1000000");
        FundingRoundData round = new FundingRoundData(UUID.randomUUID(), 1, company, RoundType.SEED,
                new MoneyData(usd, null, null, "USD", AmountPrecision.EXACT, usd, null, null, BigDecimal.ONE,
                        LocalDate.of(2024, 1, 1)),
                null, LocalDate.of(2024, 2, 2), List.of(new InvestorData(lead, true)), "test");
        return CloudEvent.of("/test", FundingEventTypes.RECORDED, companyId.toString(), Instant.now(), round);
    }

    static CloudEvent<ValuationChanged> changed(UUID companyId, String name) {
        ValuationChanged change = new ValuationChanged(companyId, name, "US", Layer.APPLICATION, null,
                new BigDecimal("2000000000"), null, UnicornStatus.NONE, UnicornStatus.UNICORN, StatusTransition.ENTERED,
                LocalDate.of(2024, 1, 1), "REPORTED", "MARK", companyId, companyId, null);
        return CloudEvent.of("/test", ValuationChanged.TYPE, companyId.toString(), Instant.now(), change);
    }
}
