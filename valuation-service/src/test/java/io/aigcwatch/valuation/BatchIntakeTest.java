package io.aigcwatch.valuation;

import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.testkit.TopicReader;
import io.micronaut.configuration.kafka.ConsumerRegistry;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The listener takes whole polled batches: records that wait behind a paused consumer come back in one poll, and a
 * poison among them is parked alone while the good ones apply, each once.
 */
class BatchIntakeTest extends FundingEventsInTest {
    @Inject
    ConsumerRegistry consumers;

    @Test
    void aPoisonInOnePollIsParkedAloneAndTheRestAppliesOnceEach() throws Exception {
        CompanyData company = FundingEvents.company("Batch Co");
        FundingRoundData round = FundingEvents.round(company, UUID.randomUUID(), 1, "3000000000", LocalDate.of(2024, 5, 5));
        String key = company.id().toString();
        pauseAll();
        var recorded = funding.recorded(round);
        funding.raw(key, "this is not JSON");
        funding.resend(key, recorded);
        funding.corrected(FundingEvents.round(company, round.roundId(), 2, "3500000000", LocalDate.of(2024, 5, 5)));
        consumers.getConsumerIds().forEach(consumers::resume);

        List<ConsumerRecord<String, String>> ofCompany = changes.awaitRecords(Duration.ofSeconds(30), records ->
                records.stream().filter(r -> key.equals(r.key())).count() >= 2).stream()
                .filter(r -> key.equals(r.key())).toList();
        assertEquals(2, ofCompany.size(), "the recording and the correction, the duplicate inside the poll changed nothing");
        assertEquals(1, infra.queryLong("select count(*) from valuation.processed_event where event_id = '"
                + recorded.id() + "'"));
        try (TopicReader dlt = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.dlt(Topics.FUNDING_EVENTS)))) {
            List<ConsumerRecord<String, String>> parked = dlt.awaitRecords(Duration.ofSeconds(20), records -> !records.isEmpty());
            assertEquals(1, parked.size());
            assertEquals("this is not JSON", parked.get(0).value());
            assertEquals(key, parked.get(0).key());
            assertTrue(header(parked.get(0), Topics.DLT_REASON).startsWith("not a CloudEvent"), parked.get(0)::toString);
            assertEquals("valuation-service", header(parked.get(0), Topics.DLT_CONSUMER));
        }

        funding.resend(key, recorded);
        // a later event behind it on its partition: once it applied, the resent one was taken
        CompanyData later = FundingEvents.company("Batch Later Co");
        funding.send(io.aigcwatch.events.funding.FundingEventTypes.RECORDED, company.id(),
                FundingEvents.round(later, UUID.randomUUID(), 1, "2000000000", LocalDate.of(2024, 6, 6)));
        await().atMost(Duration.ofSeconds(30)).until(() -> infra.queryLong(
                "select count(*) from valuation.processed_event where topic = '" + Topics.FUNDING_EVENTS + "'") >= 3);
        assertEquals(1, infra.queryLong("select count(*) from valuation.processed_event where event_id = '"
                + recorded.id() + "'"), "a duplicate in a later poll is skipped too");
    }

    /** Once every partition is held and paused, records produced now wait and come in one poll after resume. */
    private void pauseAll() {
        // micronaut-kafka tells no assignment of a consumer that has not polled yet
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(IllegalArgumentException.class)
                .until(() -> consumers.getConsumerIds().stream()
                        .allMatch(id -> !consumers.getConsumerAssignment(id).isEmpty()));
        consumers.getConsumerIds().forEach(consumers::pause);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                consumers.getConsumerIds().stream().allMatch(consumers::isPaused));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
