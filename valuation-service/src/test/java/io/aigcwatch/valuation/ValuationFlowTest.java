package io.aigcwatch.valuation;

import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.testkit.TopicReader;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Funding events in, valuation changes out, on the real broker and database. */
class ValuationFlowTest extends FundingEventsInTest {
    @Inject
    EmbeddedServer server;

    @Test
    void crossingTheLineEntersAndARetractionLeaves() {
        CompanyData company = FundingEvents.company("Crossing AI");
        funding.recorded(FundingEvents.round(company, UUID.randomUUID(), 1, "800000000", LocalDate.of(2023, 1, 10)));
        UUID bigRound = UUID.randomUUID();
        funding.recorded(FundingEvents.round(company, bigRound, 1, "1200000000", LocalDate.of(2023, 6, 1)));

        List<Map<String, Object>> seen = changesOf(company, 2);
        Map<String, Object> entered = data(seen.get(1));
        assertEquals("ENTERED", entered.get("transition"));
        assertEquals(8.0e8, ((Number) entered.get("previousUsd")).doubleValue());
        assertEquals(1.2e9, ((Number) entered.get("currentUsd")).doubleValue());
        assertEquals(50.0, ((Number) entered.get("changePct")).doubleValue());
        assertEquals("UNICORN", entered.get("statusAfter"));
        assertEquals(bigRound.toString(), entered.get("causeId"));

        Map<String, Object> unicorns = get("/unicorns");
        assertTrue(unicorns.toString().contains("Crossing AI"), unicorns::toString);
        assertTrue(unicorns.toString().contains("joinedOn=2023-06-01"), unicorns::toString);

        funding.retracted(company, bigRound, 2);
        Map<String, Object> left = data(changesOf(company, 3).get(2));
        assertEquals("LEFT", left.get("transition"));
        assertEquals("RETRACTED_ROUND", left.get("leftReason"));
        assertEquals(8.0e8, ((Number) left.get("currentUsd")).doubleValue());
        assertTrue(!get("/unicorns").toString().contains("Crossing AI"));
        assertEquals(3, changesOf(company, 3).size(), "exactly one change per event");
    }

    @Test
    void aCorrectionDownUnderTheLineLeavesAsADownRoundAndTheChangeLogPages() {
        CompanyData company = FundingEvents.company("Corrected Down Inc");
        UUID roundId = UUID.randomUUID();
        funding.recorded(FundingEvents.round(company, roundId, 1, "1500000000", LocalDate.of(2024, 2, 2)));
        funding.corrected(FundingEvents.round(company, roundId, 2, "900000000", LocalDate.of(2024, 2, 2)));
        Map<String, Object> left = data(changesOf(company, 2).get(1));
        assertEquals("LEFT", left.get("transition"));
        assertEquals("DOWN_ROUND", left.get("leftReason"));
        assertEquals(-40.0, ((Number) left.get("changePct")).doubleValue());

        Map<String, Object> firstPage = get("/valuation-changes?limit=1");
        assertEquals(1, ((List<?>) firstPage.get("items")).size());
        Map<String, Object> secondPage = get("/valuation-changes?limit=1&cursor=" + firstPage.get("next"));
        assertTrue(!firstPage.get("items").equals(secondPage.get("items")), "a cursor moves on");
        assertEquals(0, ((List<?>) get("/valuation-changes?since=2999-01-01T00:00:00Z").get("items")).size());
        assertTrue(get("/unicorns?country=US&layer=MODEL&status=UNICORN").get("items") instanceof List<?>);
    }

    @Test
    void aLateOldRoundDoesNotOverwriteANewerValuation() {
        CompanyData company = FundingEvents.company("Late Arrival Labs");
        funding.recorded(FundingEvents.round(company, UUID.randomUUID(), 1, "2000000000", LocalDate.of(2024, 3, 1)));
        changesOf(company, 1);
        funding.recorded(FundingEvents.round(company, UUID.randomUUID(), 1, "500000000", LocalDate.of(2022, 1, 1)));
        UUID marker = UUID.randomUUID();
        funding.recorded(FundingEvents.round(FundingEvents.company("Marker " + marker), UUID.randomUUID(), 1, "10", LocalDate.of(2024, 1, 1)));
        changesOf(FundingEvents.company("Marker " + marker), 1);
        assertEquals(1, changesOf(company, 1).size(), "the old round changed nothing current");

        Map<String, Object> history = get("/companies/" + company.id() + "/valuations");
        assertTrue(history.toString().contains("asOf=2022-01-01"), history::toString);
        assertTrue(history.toString().contains("direction=UP"), "2022's 0.5B then 2024's 2B: " + history);
    }

    @Test
    void aReplayedEventChangesNothingAndPoisonIsParkedBeforeTheNextGoodRecordApplies() throws Exception {
        CompanyData company = FundingEvents.company("Replay Co");
        FundingRoundData round = FundingEvents.round(company, UUID.randomUUID(), 1, "3000000000", LocalDate.of(2024, 5, 5));
        var event = funding.recorded(round);
        changesOf(company, 1);

        funding.resend(company.id().toString(), event);
        funding.raw(company.id().toString(), "this is not JSON");
        // a retraction of a company never seen is refused inside the transaction that already stored its id
        UUID refused = UUID.randomUUID();
        funding.raw(company.id().toString(), "{\"specversion\":\"1.0\",\"id\":\"" + refused
                + "\",\"source\":\"/x\",\"type\":\"funding.retracted\",\"data\":{\"roundId\":\"" + UUID.randomUUID()
                + "\",\"companyId\":\"" + UUID.randomUUID() + "\",\"version\":2}}");
        // keyed by the same company, so behind the poison on its partition
        funding.corrected(FundingEvents.round(company, round.roundId(), 2, "3500000000", LocalDate.of(2024, 5, 5)));
        assertEquals(2, changesOf(company, 2).size(), "the correction after the poison applied; the replay emitted nothing");

        try (TopicReader dlt = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.dlt(Topics.FUNDING_EVENTS)))) {
            List<ConsumerRecord<String, String>> parked = dlt.awaitRecords(Duration.ofSeconds(20), records -> records.size() >= 2);
            assertEquals("this is not JSON", parked.get(0).value());
            assertTrue(header(parked.get(0), Topics.DLT_REASON).startsWith("not a CloudEvent"), parked.get(0)::toString);
            assertTrue(header(parked.get(1), Topics.DLT_REASON).startsWith("unknown company"), parked.get(1)::toString);
            for (ConsumerRecord<String, String> poison : parked) {
                assertTrue(header(poison, Topics.DLT_ORIGIN).matches(
                        java.util.regex.Pattern.quote(infra.topic(Topics.FUNDING_EVENTS)) + "/\\d+/\\d+"), poison::toString);
                assertEquals("valuation-service", header(poison, Topics.DLT_CONSUMER));
                assertEquals(company.id().toString(), poison.key());
            }
        }
        assertEquals(0, infra.queryLong("select count(*) from valuation.processed_event where event_id = '" + refused + "'"),
                "the refused event's id was rolled back with it");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private List<Map<String, Object>> changesOf(CompanyData company, int atLeast) {
        return changes.awaitRecords(Duration.ofSeconds(20), records -> records.stream()
                        .filter(r -> company.id().toString().equals(r.key())).count() >= atLeast).stream()
                .filter(r -> company.id().toString().equals(r.key()))
                .map(r -> map(r.value()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> event) {
        assertEquals("valuation.changed", event.get("type"));
        return (Map<String, Object>) event.get("data");
    }

    private Map<String, Object> get(String path) {
        return new Api(server.getURI(), json).get(path);
    }

    private Map<String, Object> map(String body) {
        return new Api(server.getURI(), json).map(body);
    }
}
