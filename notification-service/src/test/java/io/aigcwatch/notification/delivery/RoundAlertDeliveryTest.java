package io.aigcwatch.notification.delivery;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.notification.support.FundingEvents;
import io.aigcwatch.notification.support.NotificationService;
import io.aigcwatch.notification.support.WebhookApi;
import io.aigcwatch.notification.support.WebhookReceiver;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Round alerts on the real broker and database: funding events published as funding-service's relay publishes them
 * reach each matching alert once, signed, through the same delivery log as valuation changes; corrections,
 * retractions, redeliveries and rounds recorded before an alert existed reach no one.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundAlertDeliveryTest {
    private static final String ALICE = "alice;read";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final CompanyData ZHIPU = FundingEvents.company("Zhipu AI", "CN", Layer.MODEL, "BASE_MODEL");
    private static final CompanyData TINY = FundingEvents.company("Tiny Apps", "US", Layer.APPLICATION);

    private TestInfra infra;
    private WebhookReceiver receiver;
    private NotificationService service;
    private WebhookApi api;
    private FundingEvents funding;

    @BeforeAll
    void start(TestInfra infra) {
        this.infra = infra;
        receiver = WebhookReceiver.start();
        service = NotificationService.start(infra, Map.of(
                "aigcwatch.notification.webhooks.allow-private-targets", true,
                "aigcwatch.notification.webhooks.retry-schedule", "200ms,400ms"));
        api = new WebhookApi(service);
        funding = new FundingEvents(infra, service.context().getBean(JsonMapper.class));
    }

    @AfterAll
    void stop() {
        service.close();
        funding.close();
        receiver.close();
    }

    @Test
    void eachMatchingRecordedRoundIsDeliveredOnceSignedAndNothingElseIs() throws SQLException {
        Map<String, Object> bigChinese = api.register(ALICE, """
                {"url": "%s", "events": "NEW_ROUNDS", "roundFilters": {"countries": ["cn"], "layers": ["model"],
                 "investors": ["sequoia  china"], "minUsd": 100000000}}""".formatted(receiver.url("/big")));
        Map<String, Object> seeds = api.register(ALICE, """
                {"url": "%s", "events": "new_rounds", "roundFilters": {"roundTypes": ["SEED"]}}"""
                .formatted(receiver.url("/seeds")));
        Map<String, Object> valuations = api.register(ALICE, "{\"url\": \"" + receiver.url("/valuations") + "\"}");

        FundingRoundData seriesB = FundingEvents.round(ZHIPU, RoundType.SERIES_B, "300000000", "Sequoia China", "Tencent");
        CloudEvent<FundingRoundData> recorded = funding.recorded(seriesB);
        CloudEvent<FundingRoundData> seed = funding.recorded(FundingEvents.round(TINY, RoundType.SEED, "2000000", "Angel One"));
        CloudEvent<FundingRoundData> tooSmall = funding.recorded(
                FundingEvents.round(ZHIPU, RoundType.SERIES_A, "50000000", "Sequoia China"));
        CloudEvent<?> corrected = funding.corrected(seriesB);
        CloudEvent<?> retracted = funding.retracted(seriesB);
        funding.redeliver(recorded);
        // on the same partition as everything of Zhipu's above, so once it is taken in, they all were
        CloudEvent<FundingRoundData> later = funding.recorded(
                FundingEvents.round(ZHIPU, RoundType.SERIES_C, "400000000", "Sequoia China"));

        List<String> published = Stream.of(recorded, seed, tooSmall, corrected, retracted, later)
                .map(CloudEvent::id).toList();
        await().atMost(WAIT).until(() -> takenIn(published) == published.size());
        await().atMost(WAIT).until(() -> receiver.at("/big").size() == 2 && receiver.at("/seeds").size() == 1);

        List<WebhookReceiver.Received> big = receiver.at("/big");
        // delivery is at least once and unordered (docs/api.md): compare what arrived, not in which order
        assertEquals(sorted(funding.json(recorded), funding.json(later)),
                sorted(big.stream().map(WebhookReceiver.Received::body).toArray(String[]::new)),
                "each round exactly as funding-service published it");
        String secret = (String) bigChinese.get("secret");
        assertTrue(big.stream().allMatch(received -> received.signedWith(secret)));
        assertTrue(big.get(0).header("content-type").startsWith("application/cloudevents+json"));
        assertEquals(List.of(funding.json(seed)), receiver.at("/seeds").stream().map(WebhookReceiver.Received::body)
                .toList());
        assertTrue(receiver.at("/seeds").get(0).signedWith((String) seeds.get("secret")));

        await().atMost(WAIT).until(() -> api.deliveries(ALICE, bigChinese.get("id")).stream()
                .allMatch(delivery -> "DELIVERED".equals(delivery.get("status"))));
        List<Map<String, Object>> log = api.deliveries(ALICE, bigChinese.get("id"));
        assertEquals(List.of(later.id(), recorded.id()), log.stream().map(delivery -> delivery.get("eventId")).toList(),
                "one delivery per new round, newest first; none for the correction, retraction or redelivery");
        assertEquals(log.stream().map(delivery -> delivery.get("id")).collect(Collectors.toSet()),
                big.stream().map(received -> received.header("webhook-id")).collect(Collectors.toSet()));
        assertEquals(1, api.deliveries(ALICE, seeds.get("id")).size());
        assertEquals(List.of(), api.deliveries(ALICE, valuations.get("id")), "a valuation webhook gets no rounds");
        assertEquals(List.of(), receiver.at("/valuations"));
    }

    @Test
    void anAlertIsOwedOnlyTheRoundsRecordedAfterItWasCreated() throws SQLException {
        CompanyData company = FundingEvents.company("Backlog Robotics", "JP", Layer.APPLICATION);
        Map<String, Object> alert = api.register(ALICE, """
                {"url": "%s", "events": "NEW_ROUNDS", "roundFilters": {"companies": ["backlog robotics"]}}"""
                .formatted(receiver.url("/backlog")));
        Instant created = Instant.parse((String) alert.get("createdAt"));

        CloudEvent<FundingRoundData> old = funding.recordedAt(
                FundingEvents.round(company, RoundType.SERIES_A, "10000000", "Early VC"), created.minus(1, ChronoUnit.HOURS));
        CloudEvent<FundingRoundData> fresh = funding.recorded(
                FundingEvents.round(company, RoundType.SERIES_B, "30000000", "Later VC"));

        await().atMost(WAIT).until(() -> takenIn(List.of(old.id(), fresh.id())) == 2);
        await().atMost(WAIT).until(() -> !receiver.at("/backlog").isEmpty());
        assertEquals(List.of(funding.json(fresh)), receiver.at("/backlog").stream().map(WebhookReceiver.Received::body)
                .toList());
        assertEquals(List.of(fresh.id()), api.deliveries(ALICE, alert.get("id")).stream()
                .map(delivery -> delivery.get("eventId")).toList());
    }

    @Test
    void anImportedRoundAlertsOnlyTheAlertsThatIncludeImportedOnesOnceAndARoundRecordedOneByOneAlertsBoth()
            throws SQLException {
        CompanyData company = FundingEvents.company("Catalogue Robotics", "KR", Layer.APPLICATION);
        Map<String, Object> news = api.register(ALICE, """
                {"url": "%s", "events": "NEW_ROUNDS", "roundFilters": {"companies": ["catalogue robotics"]}}"""
                .formatted(receiver.url("/news")));
        Map<String, Object> everything = api.register(ALICE, """
                {"url": "%s", "events": "NEW_ROUNDS",
                 "roundFilters": {"companies": ["catalogue robotics"], "includeImported": true}}"""
                .formatted(receiver.url("/with-imports")));

        UUID job = UUID.randomUUID();
        CloudEvent<FundingRoundData> imported = funding.imported(
                FundingEvents.round(company, RoundType.SEED, "1000000", "Old Angel"), job);
        funding.redeliver(imported);
        CloudEvent<FundingRoundData> importedToo = funding.imported(
                FundingEvents.round(company, RoundType.SERIES_A, "8000000", "Old VC"), job);
        // after the imported ones on the company's partition, so once it is taken in, they all were
        CloudEvent<FundingRoundData> recorded = funding.recorded(
                FundingEvents.round(company, RoundType.SERIES_B, "40000000", "New VC"));
        assertTrue(imported.source().endsWith("/imports/" + job), imported.source());

        List<String> published = List.of(imported.id(), importedToo.id(), recorded.id());
        await().atMost(WAIT).until(() -> takenIn(published) == published.size());
        // taken in means queued: every delivery these events will ever make is in the log now
        assertEquals(List.of(recorded.id()), api.deliveries(ALICE, news.get("id")).stream()
                .map(delivery -> delivery.get("eventId")).toList(), "an alert of news is not sent the back catalogue");
        assertEquals(List.of(recorded.id(), importedToo.id(), imported.id()), api.deliveries(ALICE,
                everything.get("id")).stream().map(delivery -> delivery.get("eventId")).toList(),
                "each imported round once, despite the redelivery, and the round recorded one by one; newest first");

        await().atMost(WAIT).until(() -> receiver.at("/with-imports").size() == 3 && receiver.at("/news").size() == 1);
        assertEquals(sorted(funding.json(imported), funding.json(importedToo), funding.json(recorded)),
                sorted(receiver.at("/with-imports").stream().map(WebhookReceiver.Received::body).toArray(String[]::new)));
        assertEquals(List.of(funding.json(recorded)), receiver.at("/news").stream()
                .map(WebhookReceiver.Received::body).toList());
    }

    private static List<String> sorted(String... bodies) {
        return java.util.Arrays.stream(bodies).sorted().toList();
    }

    /** How many of these events notification-service has taken in: their deliveries were queued with their ids. */
    private long takenIn(List<String> eventIds) throws SQLException {
        String ids = eventIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        return infra.queryLong("select count(*) from notification.processed_event where event_id in (" + ids + ")");
    }
}
