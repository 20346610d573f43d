package io.aigcwatch.notification.delivery;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.market.MarketRecomputed;
import io.aigcwatch.notification.support.MarketEvents;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks of market recomputes on the real broker and database: market-service's {@code market.recomputed} events
 * reach each webhook whose scopes cover them, once, signed, as published; other scopes, other types, redeliveries and
 * events older than the webhook reach no one. The topic is created only after the service started, as when
 * market-service comes up last: the consumer must not create it, and must pick it up once it exists.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketAlertDeliveryTest {
    private static final String ALICE = "alice;read";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestInfra infra;
    private WebhookReceiver receiver;
    private NotificationService service;
    private WebhookApi api;
    private MarketEvents market;

    @BeforeAll
    void start(TestInfra infra) {
        this.infra = infra;
        receiver = WebhookReceiver.start();
        service = NotificationService.start(infra, Map.of(
                "aigcwatch.notification.webhooks.allow-private-targets", true));
        api = new WebhookApi(service);
        market = new MarketEvents(infra, service.context().getBean(JsonMapper.class));
    }

    @AfterAll
    void stop() {
        service.close();
        market.close();
        receiver.close();
    }

    @Test
    void eachRecomputeReachesTheWebhooksWhoseScopesCoverItOnceAsPublished() throws SQLException {
        Map<String, Object> funding = api.register(ALICE, """
                {"url": "%s", "events": "MARKET_RECOMPUTED", "marketScopes": ["projections.funding"]}"""
                .formatted(receiver.url("/funding")));
        Map<String, Object> projections = api.register(ALICE, """
                {"url": "%s", "events": "market_recomputed", "marketScopes": [" Projections "]}"""
                .formatted(receiver.url("/projections")));
        Map<String, Object> everything = api.register(ALICE, """
                {"url": "%s", "events": "MARKET_RECOMPUTED"}""".formatted(receiver.url("/all")));
        Map<String, Object> rounds = api.register(ALICE, """
                {"url": "%s", "events": "NEW_ROUNDS"}""".formatted(receiver.url("/rounds")));
        Map<String, Object> valuations = api.register(ALICE, "{\"url\": \"" + receiver.url("/valuations") + "\"}");
        Instant created = Instant.parse((String) funding.get("createdAt"));

        CloudEvent<MarketRecomputed> shares = market.recomputed("shares", "funding.layer.MODEL", "40.00", "42.50");
        CloudEvent<MarketRecomputed> revenue = market.recomputed("projections", "2030.sizeCny", "1150000000000",
                "1180000000000");
        CloudEvent<MarketRecomputed> fundingShare = market.recomputed("projections.funding", "layer.MODEL.2030",
                "38.20", "41.70");
        market.redeliver(fundingShare);
        CloudEvent<MarketRecomputed> old = market.recomputedAt("projections.funding", "layer.CHIP.2030", "10.00",
                "12.00", created.minus(1, ChronoUnit.HOURS));
        CloudEvent<String> other = market.other("market.something-new");

        List<String> published = List.of(shares.id(), revenue.id(), fundingShare.id(), old.id(), other.id());
        await().atMost(WAIT).until(() -> takenIn(published) == published.size());
        // taken in means queued: every delivery these events will ever make is in the log now
        // the scopes are keys of their own, so on partitions of their own: compare what was queued, in any order
        assertEquals(List.of(fundingShare.id()), eventIds(funding), "its own scope, once, and not the old move");
        assertEquals(sorted(fundingShare.id(), revenue.id()), eventIds(projections),
                "a scope covers the scopes under it");
        assertEquals(sorted(fundingShare.id(), revenue.id(), shares.id()), eventIds(everything));
        assertEquals(List.of(), eventIds(rounds));
        assertEquals(List.of(), eventIds(valuations));

        await().atMost(WAIT).until(() -> receiver.at("/funding").size() == 1 && receiver.at("/projections").size() == 2
                && receiver.at("/all").size() == 3);
        WebhookReceiver.Received received = receiver.at("/funding").get(0);
        assertEquals(market.json(fundingShare), received.body(), "the CloudEvent exactly as market-service published it");
        assertTrue(received.signedWith((String) funding.get("secret")));
        assertTrue(received.header("content-type").startsWith("application/cloudevents+json"));
        // delivery is at least once and unordered (docs/api.md): compare what arrived, not in which order
        assertEquals(sorted(market.json(shares), market.json(revenue), market.json(fundingShare)),
                sorted(receiver.at("/all").stream().map(WebhookReceiver.Received::body).toArray(String[]::new)));
        assertEquals(List.of(), receiver.at("/rounds"));
        assertEquals(List.of(), receiver.at("/valuations"));
    }

    /** The events of a webhook's deliveries, sorted. */
    private List<String> eventIds(Map<String, Object> webhook) {
        return api.deliveries(ALICE, webhook.get("id")).stream().map(delivery -> (String) delivery.get("eventId"))
                .sorted().toList();
    }

    private static List<String> sorted(String... values) {
        return Arrays.stream(values).sorted().toList();
    }

    /** How many of these events notification-service has taken in: their deliveries were queued with their ids. */
    private long takenIn(List<String> eventIds) throws SQLException {
        String ids = eventIds.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        return infra.queryLong("select count(*) from notification.processed_event where event_id in (" + ids + ")");
    }
}
