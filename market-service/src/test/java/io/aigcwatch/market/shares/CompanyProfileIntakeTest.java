package io.aigcwatch.market.shares;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.CompanyProfileData;
import io.aigcwatch.events.funding.CompanyStatus;
import io.aigcwatch.events.funding.CompanyStatusChanged;
import io.aigcwatch.events.funding.CompanyUpdated;
import io.aigcwatch.events.funding.FundingEventTypes;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** funding-service's company events are taken, not parked: an edit renames the company's value row. */
class CompanyProfileIntakeTest extends MarketIntakeTest {
    @Test
    void anEditRenamesTheValuedCompanyAndAnExitIsTakenWithoutParking() throws Exception {
        UUID company = UUID.randomUUID();
        send(Topics.VALUATION_CHANGES, null, company.toString(),
                json.writeValueAsString(MarketConsumersTest.changed(company, "Before Rename AI")));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                infra.queryLong("select count(*) from market.company_value where name = 'Before Rename AI'") == 1);

        CompanyProfileData renamed = new CompanyProfileData(company, "After Rename AI", null, List.of(), "SG",
                Layer.MODEL, List.of(), null, null, null, CompanyStatus.ACTIVE, null, 2);
        CompanyProfileData exited = new CompanyProfileData(company, "After Rename AI", null, List.of(), "SG",
                Layer.MODEL, List.of(), null, null, null, CompanyStatus.PUBLIC, LocalDate.of(2024, 5, 1), 3);
        send(Topics.FUNDING_EVENTS, null, company.toString(), json.writeValueAsString(CloudEvent.of("/test",
                FundingEventTypes.COMPANY_UPDATED, company.toString(), Instant.now(),
                new CompanyUpdated(renamed, List.of("name", "country"), "key-test", Instant.now(), List.of(),
                        List.of()))));
        CloudEvent<CompanyStatusChanged> exit = CloudEvent.of("/test", FundingEventTypes.COMPANY_STATUS_CHANGED,
                company.toString(), Instant.now(), new CompanyStatusChanged(UUID.randomUUID(), exited,
                        CompanyStatus.ACTIVE, CompanyStatus.PUBLIC, LocalDate.of(2024, 5, 1), "https://x.example",
                        null, "key-test", Instant.now()));
        send(Topics.FUNDING_EVENTS, null, company.toString(), json.writeValueAsString(exit));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                infra.queryLong("select count(*) from market.processed_event where event_id = '" + exit.id() + "'") == 1);
        assertEquals(1, infra.queryLong("select count(*) from market.company_value where name = 'After Rename AI'"));
    }
}
