package io.aigcwatch.valuation;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRoundData;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A round counts once, at its newest version, for the company that version names. funding-service keys each
 * version by its company (FundingEventsApiTest shows the events of a move), so a round moved from A to B has its
 * versions on two partitions, which two consumer threads apply in any order. These are those events.
 */
class RoundVersionsTest extends FundingEventsInTest {
    private static final LocalDate ANNOUNCED = LocalDate.of(2024, 4, 4);
    private static final String TWO_BILLION = "2000000000";

    @Inject
    EmbeddedServer server;

    /** The report: POST a USD 2B round for A, PUT it to B with If-Match "1"; both were listed at 2B. */
    @Test
    void aRoundMovedToAnotherCompanyLeavesTheFirstAndCountsForTheSecond() {
        CompanyData from = FundingEvents.company("Moved Away AI");
        CompanyData to = FundingEvents.company("Moved Here AI");
        UUID roundId = UUID.randomUUID();
        funding.recorded(FundingEvents.round(from, roundId, 1, TWO_BILLION, ANNOUNCED));
        await().atMost(Duration.ofSeconds(20)).until(() -> unicorns().contains(from.name()));

        funding.corrected(FundingEvents.round(to, roundId, 2, TWO_BILLION, ANNOUNCED));
        await().atMost(Duration.ofSeconds(20)).until(() -> unicorns().contains(to.name()));
        assertTrue(!unicorns().contains(from.name()), "the round no longer counts for " + from.name());

        Map<String, Object> left = lastChangeOf(from, "LEFT");
        assertEquals("MOVED_ROUND", left.get("leftReason"));
        assertNull(left.get("currentUsd"), "no valuation remains: " + left);
        assertEquals("NONE", left.get("statusAfter"));
        assertEquals(roundId.toString(), left.get("causeId"));
        assertEquals("ENTERED", lastChangeOf(to, "ENTERED").get("transition"));
    }

    @Test
    void aRetractionAfterAMoveTakesTheRoundOffAndNoOlderVersionBringsItBack() throws Exception {
        CompanyData from = FundingEvents.company("Retracted Away AI");
        CompanyData to = FundingEvents.company("Retracted Here AI");
        UUID roundId = UUID.randomUUID();
        FundingRoundData recorded = FundingEvents.round(from, roundId, 1, TWO_BILLION, ANNOUNCED);
        FundingRoundData moved = FundingEvents.round(to, roundId, 2, TWO_BILLION, ANNOUNCED);
        funding.recorded(recorded);
        funding.corrected(moved);
        await().atMost(Duration.ofSeconds(20)).until(() -> unicorns().contains(to.name()));

        awaitProcessed(funding.retracted(to, roundId, 3));
        assertEquals("RETRACTED_ROUND", lastChangeOf(to, "LEFT").get("leftReason"));
        List<String> settled = valuations(from, to);

        // the two versions before the retraction, arriving again as new events (as after a replay of the topic)
        awaitProcessed(funding.send(FundingEventTypes.RECORDED, from.id(), recorded));
        awaitProcessed(funding.send(FundingEventTypes.CORRECTED, to.id(), moved));
        List<String> unicorns = unicorns();
        assertTrue(!unicorns.contains(from.name()) && !unicorns.contains(to.name()), unicorns::toString);
        assertEquals(settled, valuations(from, to), "neither older version changed anything");
    }

    /** v2 (naming B) is applied first from partition 1; v1 (naming A) comes later from partition 0. */
    @Test
    void versionsArrivingOutOfOrderAcrossPartitionsLeaveTheNewest() throws Exception {
        CompanyData from = FundingEvents.company("Late First Version AI");
        CompanyData to = FundingEvents.company("Early Second Version AI");
        UUID roundId = UUID.randomUUID();
        funding.sendTo(1, FundingEventTypes.CORRECTED, to.id(), FundingEvents.round(to, roundId, 2, TWO_BILLION, ANNOUNCED));
        await().atMost(Duration.ofSeconds(20)).until(() -> unicorns().contains(to.name()));

        awaitProcessed(funding.sendTo(0, FundingEventTypes.RECORDED, from.id(),
                FundingEvents.round(from, roundId, 1, TWO_BILLION, ANNOUNCED)));
        List<String> unicorns = unicorns();
        assertTrue(unicorns.contains(to.name()) && !unicorns.contains(from.name()), unicorns::toString);
        assertEquals(0, infra.queryLong("select count(*) from valuation.company_valuation where company_id = '"
                + from.id() + "'"), "the first version never counted for " + from.name());
    }

    @Test
    void aRedeliveredOldVersionChangesNothing() throws Exception {
        CompanyData company = FundingEvents.company("Redelivered Version AI");
        UUID roundId = UUID.randomUUID();
        FundingRoundData first = FundingEvents.round(company, roundId, 1, TWO_BILLION, ANNOUNCED);
        CloudEvent<FundingRoundData> recorded = funding.recorded(first);
        FundingRoundData second = FundingEvents.round(company, roundId, 2, "3000000000", ANNOUNCED);
        awaitProcessed(funding.corrected(second));
        List<String> settled = valuations(company);
        assertTrue(settled.get(0).startsWith(company.name() + " 3000000000.00 UNICORN "), settled::toString);

        funding.resend(company.id().toString(), recorded);
        awaitProcessed(funding.recorded(first));
        assertEquals(settled, valuations(company), "v1 again, under its own id and a new one, changed nothing");
        awaitProcessed(funding.corrected(second));
        assertEquals(settled, valuations(company), "nor did v2 again");
    }

    private void awaitProcessed(CloudEvent<?> event) {
        await().atMost(Duration.ofSeconds(20)).until(() -> infra.queryLong(
                "select count(*) from valuation.processed_event where event_id = '" + event.id() + "'") == 1);
    }

    @SuppressWarnings("unchecked")
    private List<String> unicorns() {
        List<Map<String, Object>> items = (List<Map<String, Object>>) new Api(server.getURI(), json).get("/unicorns")
                .get("items");
        return items.stream().map(item -> (String) item.get("name")).toList();
    }

    /** The companies' current valuations as stored, with when each last changed: equal only if nothing moved. */
    private List<String> valuations(CompanyData... companies) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = infra.connect(); Statement statement = connection.createStatement()) {
            for (CompanyData company : companies) {
                try (ResultSet row = statement.executeQuery("select usd, status, updated_at from valuation.company_valuation "
                        + "where company_id = '" + company.id() + "'")) {
                    if (row.next()) {
                        rows.add(company.name() + " " + row.getString(1) + " " + row.getString(2) + " " + row.getString(3));
                    }
                }
            }
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> lastChangeOf(CompanyData company, String transition) {
        Api api = new Api(server.getURI(), json);
        return changes.awaitRecords(Duration.ofSeconds(20), records -> records.stream()
                        .filter(r -> company.id().toString().equals(r.key()))
                        .anyMatch(r -> r.value().contains("\"transition\":\"" + transition + "\""))).stream()
                .filter(r -> company.id().toString().equals(r.key()))
                .map(r -> (Map<String, Object>) api.map(r.value()).get("data"))
                .filter(data -> transition.equals(data.get("transition")))
                .reduce((earlier, later) -> later).orElseThrow();
    }
}
