package io.aigcwatch.valuation;

import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.RefusedInserts;
import io.aigcwatch.testkit.TestInfra;
import io.aigcwatch.testkit.TopicReader;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A failure that passes never skips a funding event: while PostgreSQL refuses the last write of each event's
 * transaction (its valuation.changed in the outbox, after the event's id, the round's version and the valuation),
 * both consumer threads fail on every partition and roll everything back; once the database takes writes again,
 * every event applies, exactly once.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransientFailureTest implements TestPropertyProvider {
    private static final int PARTITIONS = 3;
    private static final int ROUNDS = 9;

    private final TestInfra infra = RealInfraExtension.forClass(TransientFailureTest.class);

    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    @Test
    void aPassingFailureIsRetriedOnEveryPartitionUntilEveryEventApplies() throws Exception {
        List<CompanyData> companies = IntStream.range(0, ROUNDS)
                .mapToObj(i -> FundingEvents.company("Refused For A While " + i)).toList();
        try (FundingEvents funding = new FundingEvents(infra.bootstrapServers(), infra.topic(Topics.FUNDING_EVENTS), json);
             TopicReader changes = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.VALUATION_CHANGES))) {
            try (RefusedInserts refused = RefusedInserts.into(infra, "valuation.outbox")) {
                for (int i = 0; i < ROUNDS; i++) {
                    CompanyData company = companies.get(i);
                    funding.sendTo(i % PARTITIONS, FundingEventTypes.RECORDED, company.id(),
                            FundingEvents.round(company, UUID.randomUUID(), 1, "2000000000", LocalDate.of(2024, 6, 1)));
                }
                await().atMost(Duration.ofSeconds(30)).until(() -> refused.count() >= 2L * PARTITIONS);
                assertEquals(0, infra.queryLong("select count(*) from valuation.processed_event"),
                        "no refused transaction left its event's id behind");
                assertEquals(0, infra.queryLong("select count(*) from valuation.company_valuation"));
            }

            List<ConsumerRecord<String, String>> emitted = changes.awaitRecords(Duration.ofSeconds(60),
                    records -> records.size() >= ROUNDS);
            assertEquals(companies.stream().map(company -> company.id().toString()).collect(Collectors.toSet()),
                    emitted.stream().map(ConsumerRecord::key).collect(Collectors.toSet()), "every event applied");
            assertEquals(ROUNDS, changes.drain(Duration.ofSeconds(1)).size(), "none twice");
            assertEquals(ROUNDS, infra.queryLong("select count(*) from valuation.company_valuation where status = 'UNICORN'"));
            assertEquals(ROUNDS, infra.queryLong("select count(*) from valuation.processed_event"));
        }
    }
}
