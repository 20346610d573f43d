package io.aigcwatch.market.shares;

import io.aigcwatch.testkit.TestCredential;
import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRetracted;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.MoneyData;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.events.valuation.StatusTransition;
import io.aigcwatch.events.valuation.UnicornStatus;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A round counts once, at its newest version, in the buckets of the company that version names. funding-service
 * keys each version by its company (its FundingEventsApiTest shows the events of a move), so a round moved from A
 * to B has its versions on two partitions, which may be applied in any order. These are those events, and the
 * valuation changes valuation-service emits for the move (its RoundVersionsTest shows them).
 */
class RoundVersionsTest extends MarketIntakeTest {
    private static final String TWO_BILLION = "2000000000";
    private static final String AMOUNT = "300000000";

    @Inject
    EmbeddedServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    /** The report: POST a USD 2B round for A, PUT it to B with If-Match "1"; both were listed at 2B. */
    @Test
    void aRoundMovedToAnotherCompanyCountsOnlyForTheSecond() throws Exception {
        CompanyData from = company("Moved From AI");
        CompanyData to = company("Moved To AI");
        UUID roundId = UUID.randomUUID();
        funding(null, FundingEventTypes.RECORDED, from.id(), round(roundId, from, 1));
        valuation(from, null, TWO_BILLION, roundId, null);
        awaitShares(from, "1 " + AMOUNT, to, "none");
        await().atMost(Duration.ofSeconds(20)).until(() -> unicorns().contains(from.name()));

        funding(null, FundingEventTypes.CORRECTED, to.id(), round(roundId, to, 2));
        valuation(from, TWO_BILLION, null, roundId, "MOVED_ROUND");
        valuation(to, null, TWO_BILLION, roundId, null);
        awaitShares(from, "none", to, "1 " + AMOUNT);
        await().atMost(Duration.ofSeconds(20)).until(() -> unicorns().equals(List.of(to.name())));
    }

    @Test
    void aRetractionAfterAMoveTakesTheRoundOutAndNoOlderVersionBringsItBack() throws Exception {
        CompanyData from = company("Retracted From AI");
        CompanyData to = company("Retracted To AI");
        UUID roundId = UUID.randomUUID();
        FundingRoundData recorded = round(roundId, from, 1);
        FundingRoundData moved = round(roundId, to, 2);
        funding(null, FundingEventTypes.RECORDED, from.id(), recorded);
        funding(null, FundingEventTypes.CORRECTED, to.id(), moved);
        awaitShares(from, "none", to, "1 " + AMOUNT);

        awaitProcessed(funding(null, FundingEventTypes.RETRACTED, to.id(), new FundingRetracted(roundId, to.id(), 3, "test")));
        assertShares(from, "none", to, "none");
        // the two versions before the retraction, arriving again as new events (as after a replay of the topic)
        awaitProcessed(funding(null, FundingEventTypes.RECORDED, from.id(), recorded));
        awaitProcessed(funding(null, FundingEventTypes.CORRECTED, to.id(), moved));
        assertShares(from, "none", to, "none");
    }

    /** v2 (naming B) is applied first from partition 1; v1 (naming A) comes later from partition 0. */
    @Test
    void versionsArrivingOutOfOrderAcrossPartitionsLeaveTheNewest() throws Exception {
        CompanyData from = company("Late First Version AI");
        CompanyData to = company("Early Second Version AI");
        UUID roundId = UUID.randomUUID();
        funding(1, FundingEventTypes.CORRECTED, to.id(), round(roundId, to, 2));
        awaitShares(from, "none", to, "1 " + AMOUNT);

        awaitProcessed(funding(0, FundingEventTypes.RECORDED, from.id(), round(roundId, from, 1)));
        assertShares(from, "none", to, "1 " + AMOUNT);
    }

    @Test
    void aRedeliveredOldVersionChangesNothing() throws Exception {
        CompanyData company = company("Redelivered Version AI");
        UUID roundId = UUID.randomUUID();
        FundingRoundData first = round(roundId, company, 1);
        CloudEvent<FundingRoundData> recorded = funding(null, FundingEventTypes.RECORDED, company.id(), first);
        FundingRoundData second = new FundingRoundData(roundId, 2, company, RoundType.SERIES_B,
                usd("500000000"), null, first.announcedOn(), first.investors(), "test");
        awaitProcessed(funding(null, FundingEventTypes.CORRECTED, company.id(), second));
        assertEquals("1 500000000", share(company));

        send(Topics.FUNDING_EVENTS, null, company.id().toString(), json.writeValueAsString(recorded));
        awaitProcessed(funding(null, FundingEventTypes.RECORDED, company.id(), first));
        assertEquals("1 500000000", share(company), "v1 again, under its own id and a new one, changed nothing");
        awaitProcessed(funding(null, FundingEventTypes.CORRECTED, company.id(), second));
        assertEquals("1 500000000", share(company), "nor did v2 again");
    }

    /** Each company in a segment of its own, so its segment's share is what its rounds add. */
    private static CompanyData company(String name) {
        return new CompanyData(UUID.nameUUIDFromBytes(name.getBytes()), name, null, "US", Layer.MODEL,
                List.of("segment of " + name));
    }

    private static FundingRoundData round(UUID roundId, CompanyData company, long version) {
        return new FundingRoundData(roundId, version, company, RoundType.SERIES_A, usd(AMOUNT), null,
                LocalDate.of(2024, 4, 4), List.of(new InvestorData("Version Capital", true)), "test");
    }

    private static MoneyData usd(String value) {
        BigDecimal usd = new BigDecimal(value);
        return new MoneyData(usd, null, null, "USD", AmountPrecision.EXACT, usd, null, null, BigDecimal.ONE,
                LocalDate.of(2024, 4, 1));
    }

    /** Published as funding-service does, keyed by the company; on {@code partition} if not null. */
    private <T> CloudEvent<T> funding(@Nullable Integer partition, String type, UUID companyId, T data) throws Exception {
        CloudEvent<T> event = CloudEvent.of("/test", type, companyId.toString(), Instant.now(), data);
        send(Topics.FUNDING_EVENTS, partition, companyId.toString(), json.writeValueAsString(event));
        return event;
    }

    /** The valuation.changed that valuation-service emits when a round moves the company's valuation. */
    private void valuation(CompanyData company, @Nullable String before, @Nullable String after, UUID roundId,
                           @Nullable String leftReason) throws Exception {
        UnicornStatus statusAfter = after == null ? UnicornStatus.NONE : UnicornStatus.UNICORN;
        ValuationChanged change = new ValuationChanged(company.id(), company.name(), company.country(),
                company.layer(), before == null ? null : new BigDecimal(before), after == null ? null : new BigDecimal(after),
                null, before == null ? UnicornStatus.NONE : UnicornStatus.UNICORN, statusAfter,
                after == null ? StatusTransition.LEFT : StatusTransition.ENTERED, LocalDate.of(2024, 4, 4), "REPORTED",
                "ROUND", roundId, UUID.randomUUID(), leftReason);
        send(Topics.VALUATION_CHANGES, null, company.id().toString(), json.writeValueAsString(
                CloudEvent.of("/test", ValuationChanged.TYPE, company.id().toString(), Instant.now(), change)));
    }

    private void awaitProcessed(CloudEvent<?> event) {
        await().atMost(Duration.ofSeconds(20)).until(() -> infra.queryLong(
                "select count(*) from market.processed_event where event_id = '" + event.id() + "'") == 1);
    }

    private void awaitShares(CompanyData first, String firstShare, CompanyData second, String secondShare) {
        await().atMost(Duration.ofSeconds(20)).until(() -> shares(first, second).equals(List.of(firstShare, secondShare)));
    }

    private void assertShares(CompanyData first, String firstShare, CompanyData second, String secondShare) {
        assertEquals(List.of(firstShare, secondShare), shares(first, second));
    }

    /** What each company's segment holds: {@code "<rounds> <usd>"}, or {@code "none"} when it counts no round. */
    private List<String> shares(CompanyData first, CompanyData second) {
        return List.of(share(first), share(second));
    }

    private String share(CompanyData company) {
        return shares("segment", "funding").stream()
                .filter(share -> share.get("key").equals(company.segments().get(0)))
                .map(share -> share.get("count") + " " + new BigDecimal(share.get("usd").toString()).stripTrailingZeros()
                        .toPlainString())
                .findFirst().orElse("none");
    }

    /** The companies of the valuation shares whose names have {@code Moved} in them, as a client reads them. */
    private List<String> unicorns() {
        return shares("company", "valuation").stream().map(share -> (String) share.get("key"))
                .filter(name -> name.contains("Moved")).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> shares(String by, String metric) {
        HttpResponse<String> response;
        try {
            response = http.send(TestCredential.on(HttpRequest.newBuilder(server.getURI().resolve(
                    "/market/shares?by=" + by + "&metric=" + metric))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return (List<Map<String, Object>>) json.readValue(response.body(), Map.class).get("shares");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
