package io.aigcwatch.valuation;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.CompanyProfileData;
import io.aigcwatch.events.funding.CompanyStatus;
import io.aigcwatch.events.funding.CompanyStatusChanged;
import io.aigcwatch.events.funding.CompanyUpdated;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** funding-service's company.updated and company.status-changed in, the unicorn list and valuation changes out. */
class CompanyProfileEventsTest extends FundingEventsInTest {
    @Inject
    EmbeddedServer server;

    @Test
    void anEditRenamesTheUnicornAndALateOlderEditChangesNothing() throws SQLException {
        CompanyData company = FundingEvents.company("Profile Rename AI");
        funding.recorded(FundingEvents.round(company, UUID.randomUUID(), 1, "1500000000", LocalDate.of(2024, 1, 5)));
        changesOf(company, 1);

        CompanyProfileData renamed = profile(company, "Renamed AI", "SG", CompanyStatus.ACTIVE, null, 2);
        funding.send(FundingEventTypes.COMPANY_UPDATED, company.id(),
                new CompanyUpdated(renamed, List.of("name", "country"), "key-test", Instant.now(),
                        List.of(), List.of()));
        await().atMost(Duration.ofSeconds(20)).until(() -> unicorn(company.id()) != null
                && "Renamed AI".equals(unicorn(company.id()).get("name")));
        assertEquals("SG", unicorn(company.id()).get("country"));

        CloudEvent<CompanyUpdated> stale = funding.send(FundingEventTypes.COMPANY_UPDATED, company.id(),
                new CompanyUpdated(profile(company, "Stale Name", "US", CompanyStatus.ACTIVE, null, 1),
                        List.of("name"), "key-test", Instant.now(), null, null));
        awaitProcessed(stale.id());
        assertEquals("Renamed AI", unicorn(company.id()).get("name"));
        assertEquals(1, changesOf(company, 1).size(), "an edit moves no valuation");
        assertStatsMatchTheValuations();
    }

    @Test
    void anAcquisitionTakesTheUnicornOffTheListWithItsHistoryAndAReturnPutsItBack() throws SQLException {
        CompanyData company = FundingEvents.company("Profile Exit AI");
        funding.recorded(FundingEvents.round(company, UUID.randomUUID(), 1, "2500000000", LocalDate.of(2024, 2, 5)));
        changesOf(company, 1);

        UUID statusEvent = UUID.randomUUID();
        CloudEvent<CompanyStatusChanged> acquired = funding.send(FundingEventTypes.COMPANY_STATUS_CHANGED, company.id(),
                new CompanyStatusChanged(statusEvent, profile(company, company.name(), "US", CompanyStatus.ACQUIRED,
                        LocalDate.of(2024, 6, 30), 2), CompanyStatus.ACTIVE, CompanyStatus.ACQUIRED,
                        LocalDate.of(2024, 6, 30), "https://news.example/deal", "Big Corp", "key-test", Instant.now()));
        Map<String, Object> left = data(changesOf(company, 2).get(1));
        assertEquals("LEFT", left.get("transition"));
        assertEquals("EXIT", left.get("leftReason"));
        assertEquals("STATUS", left.get("causeType"));
        assertEquals(statusEvent.toString(), left.get("causeId"));
        assertEquals(null, unicorn(company.id()));
        Map<String, Object> excluded = excluded(company.id());
        assertEquals("EXIT", excluded.get("leftReason"));
        assertTrue(((String) excluded.get("reason")).startsWith("ACQUIRED since 2024-06-30"), excluded::toString);
        assertEquals(1, ((List<?>) get("/companies/" + company.id() + "/valuations").get("points")).size(),
                "the history stays");
        assertStatsMatchTheValuations();

        funding.resend(company.id().toString(), acquired);
        CloudEvent<CompanyStatusChanged> back = funding.send(FundingEventTypes.COMPANY_STATUS_CHANGED, company.id(),
                new CompanyStatusChanged(UUID.randomUUID(), profile(company, company.name(), "US",
                        CompanyStatus.ACTIVE, LocalDate.of(2024, 8, 1), 3), CompanyStatus.ACQUIRED,
                        CompanyStatus.ACTIVE, LocalDate.of(2024, 8, 1), "https://news.example/undone", null,
                        "key-test", Instant.now()));
        Map<String, Object> entered = data(changesOf(company, 3).get(2));
        assertEquals("ENTERED", entered.get("transition"));
        awaitProcessed(back.id());
        assertEquals(3, changesOf(company, 3).size(), "the re-delivered acquisition changed nothing");
        assertEquals("UNICORN", unicorn(company.id()).get("status"));
        assertStatsMatchTheValuations();
    }

    @Test
    void aClosureLeavesWithReasonClosed() {
        CompanyData company = FundingEvents.company("Profile Closed AI");
        funding.recorded(FundingEvents.round(company, UUID.randomUUID(), 1, "1100000000", LocalDate.of(2024, 3, 5)));
        changesOf(company, 1);
        funding.send(FundingEventTypes.COMPANY_STATUS_CHANGED, company.id(),
                new CompanyStatusChanged(UUID.randomUUID(), profile(company, company.name(), "US", CompanyStatus.CLOSED,
                        LocalDate.of(2024, 9, 1), 2), CompanyStatus.ACTIVE, CompanyStatus.CLOSED,
                        LocalDate.of(2024, 9, 1), "https://news.example/closed", null, "key-test", Instant.now()));
        assertEquals("CLOSED", data(changesOf(company, 2).get(1)).get("leftReason"));
        assertEquals(null, unicorn(company.id()));
        assertEquals("CLOSED", excluded(company.id()).get("leftReason"));
    }

    private static CompanyProfileData profile(CompanyData company, String name, String country, CompanyStatus status,
                                              LocalDate since, long version) {
        return new CompanyProfileData(company.id(), name, null, List.of(), country, company.layer(),
                company.segments(), null, null, null, status, since, version);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> unicorn(UUID companyId) {
        return ((List<Map<String, Object>>) get("/unicorns").get("items")).stream()
                .filter(item -> companyId.toString().equals(item.get("companyId"))).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> excluded(UUID companyId) {
        return ((List<Map<String, Object>>) get("/unicorns").get("excluded")).stream()
                .filter(item -> companyId.toString().equals(item.get("companyId"))).findFirst().orElseThrow();
    }

    private void awaitProcessed(String eventId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> infra.queryLong(
                "select count(*) from valuation.processed_event where event_id = '" + eventId + "'") == 1);
    }

    /**
     * The kept totals (a row per status, country and layer) are what the current valuations add up to, after
     * renames, moves to another country, exits and returns alike.
     */
    private void assertStatsMatchTheValuations() throws SQLException {
        assertEquals(0, infra.queryLong("""
                select count(*) from (
                    select v.status, coalesce(trim(c.country), '') as country, coalesce(c.layer, '') as layer,
                           count(*) as companies, sum(v.usd) as usd
                    from valuation.company_valuation v left join valuation.company c on c.id = v.company_id
                    where v.status <> 'NONE' group by 1, 2, 3) scan
                full join (select * from valuation.unicorn_stat where companies <> 0) kept
                    using (status, country, layer)
                where scan.companies is distinct from kept.companies or scan.usd is distinct from kept.usd"""));
    }

    private List<Map<String, Object>> changesOf(CompanyData company, int atLeast) {
        return changes.awaitRecords(Duration.ofSeconds(20), records -> records.stream()
                        .filter(r -> company.id().toString().equals(r.key())).count() >= atLeast).stream()
                .filter(r -> company.id().toString().equals(r.key()))
                .map(r -> new Api(server.getURI(), json).map(r.value()))
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
}
