package io.aigcwatch.notification.delivery;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.notification.support.ValuationChanges;
import io.aigcwatch.notification.support.WebhookReceiver;
import io.aigcwatch.notification.webhook.WebhookSecret;
import io.aigcwatch.testkit.TopicReader;
import io.micronaut.json.JsonMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Valuation changes published on Kafka as valuation-service publishes them reach a local receiver: signed, retried,
 * filtered, once per event, with poison parked on the dead-letter topic. Private targets are allowed here, since the
 * receiver listens on loopback.
 */
class WebhookDeliveryTest extends WebhookServiceTest {
    @Override
    Map<String, Object> settings() {
        return Map.of(
                "aigcwatch.notification.webhooks.allow-private-targets", true,
                "aigcwatch.notification.webhooks.retry-schedule", "200ms,400ms,600ms");
    }

    @Test
    void aMatchingChangeArrivesCorrectlySignedAndTheLogShowsItDelivered() {
        Map<String, Object> webhook = api.register(ALICE, receiver.hookFor("/signed", "Signed Labs"));
        String secret = (String) webhook.get("secret");

        CloudEvent<ValuationChanged> event = changes.publish(
                ValuationChanges.change("Signed Labs", "CN", Layer.MODEL, "800000000", "1200000000"));

        await().atMost(WAIT).until(() -> receiver.at("/signed").size() == 1);
        WebhookReceiver.Received received = receiver.at("/signed").get(0);
        assertEquals(changes.json(event), received.body(), "the event exactly as valuation-service published it");
        assertTrue(received.header("content-type").startsWith("application/cloudevents+json"), () -> received.headers().toString());
        long timestamp = Long.parseLong(received.header("webhook-timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60, "timestamp " + timestamp);
        assertTrue(received.signedWith(secret), () -> "signature " + received.header("webhook-signature"));
        assertTrue(!received.signedWith(WebhookSecret.generate()), "another secret does not verify it");

        await().atMost(WAIT).until(() -> "DELIVERED".equals(api.deliveries(ALICE, webhook.get("id")).get(0).get("status")));
        Map<String, Object> delivery = api.deliveries(ALICE, webhook.get("id")).get(0);
        assertEquals(received.header("webhook-id"), delivery.get("id"));
        assertEquals(event.id(), delivery.get("eventId"));
        assertEquals(1, delivery.get("attempts"));
        assertEquals(204, delivery.get("lastStatus"));
        assertNull(delivery.get("lastError"));
        assertNull(delivery.get("nextAttemptAt"));
    }

    @Test
    void aClientChosenSecretSignsToo() {
        String secret = WebhookSecret.generate();
        api.register(ALICE, """
                {"url": "%s", "secret": "%s", "filters": {"companies": ["Chosen Secret AI"]}}"""
                .formatted(receiver.url("/chosen"), secret));

        changes.publish(ValuationChanges.change("Chosen Secret AI", "US", Layer.APPLICATION, null, "50000000"));

        await().atMost(WAIT).until(() -> receiver.at("/chosen").size() == 1);
        assertTrue(receiver.at("/chosen").get(0).signedWith(secret));
    }

    @Test
    void aReceiverThatFailsTwiceGetsItOnTheThirdTry() {
        receiver.answer("/flaky", 500, 503);
        Map<String, Object> webhook = api.register(ALICE, receiver.hookFor("/flaky", "Flaky Receiver Inc"));

        changes.publish(ValuationChanges.change("Flaky Receiver Inc", "FR", Layer.MODEL, "1000000000", "2000000000"));

        await().atMost(WAIT).until(() -> "DELIVERED".equals(api.deliveries(ALICE, webhook.get("id")).get(0).get("status")));
        Map<String, Object> delivery = api.deliveries(ALICE, webhook.get("id")).get(0);
        assertEquals(3, delivery.get("attempts"));
        assertEquals(204, delivery.get("lastStatus"));
        List<WebhookReceiver.Received> attempts = receiver.at("/flaky");
        assertEquals(3, attempts.size());
        assertEquals(Set.of(delivery.get("id")), attempts.stream().map(r -> r.header("webhook-id")).collect(Collectors.toSet()),
                "every retry carries the same webhook-id");
        assertTrue(attempts.stream().allMatch(r -> r.signedWith((String) webhook.get("secret"))));
        assertEquals("ACTIVE", api.webhook(ALICE, webhook.get("id")).get("status"));
    }

    @Test
    void aReceiverThatAlwaysFailsMakesTheWebhookFailingUntilReactivated() {
        receiver.steadily("/down", 500);
        Map<String, Object> webhook = api.register(ALICE, receiver.hookFor("/down", "Down Receiver Co"));
        Object id = webhook.get("id");

        changes.publish(ValuationChanges.change("Down Receiver Co", "DE", Layer.INFRASTRUCTURE, "100", "200"));

        await().atMost(WAIT).until(() -> "FAILING".equals(api.webhook(ALICE, id).get("status")));
        Map<String, Object> failed = api.deliveries(ALICE, id).get(0);
        assertEquals("FAILED", failed.get("status"));
        assertEquals(4, failed.get("attempts"), "the first attempt and one retry per entry of the schedule");
        assertEquals(500, failed.get("lastStatus"));
        assertEquals(4, receiver.at("/down").size());
        assertTrue(api.webhook(ALICE, id).get("failingSince") != null);

        // while failing it gets nothing new: a second webhook on the same company shows when the change has passed
        receiver.steadily("/down", 204);
        api.register(ALICE, receiver.hookFor("/down-witness", "Down Receiver Co"));
        CloudEvent<ValuationChanged> missed = changes.publish(
                ValuationChanges.change("Down Receiver Co", "DE", Layer.INFRASTRUCTURE, "200", "300"));
        await().atMost(WAIT).until(() -> eventIds("/down-witness").contains(missed.id()));
        assertEquals(1, api.deliveries(ALICE, id).size());
        assertEquals(4, receiver.at("/down").size());

        Map<String, Object> reactivated = api.map(api.post(ALICE, "/webhooks/" + id + "/reactivate", ""));
        assertEquals("ACTIVE", reactivated.get("status"));
        assertNull(reactivated.get("failingSince"));
        CloudEvent<ValuationChanged> after = changes.publish(
                ValuationChanges.change("Down Receiver Co", "DE", Layer.INFRASTRUCTURE, "300", "400"));
        await().atMost(WAIT).until(() -> eventIds("/down").contains(after.id()));
        await().atMost(WAIT).until(() -> "DELIVERED".equals(api.deliveries(ALICE, id).get(0).get("status")));
        assertEquals("FAILED", api.deliveries(ALICE, id).get(1).get("status"), "the given-up delivery stays failed");
        assertEquals(2, api.deliveries(ALICE, id).size());
    }

    @Test
    void filtersDecideWhichWebhooksGetAChange() {
        String tag = "Filter " + System.nanoTime() + " ";
        String all = "/filter/all";
        api.register(ALICE, "{\"url\": \"" + receiver.url(all) + "\"}");
        api.register(ALICE, receiver.hookFor("/filter/company", ValuationChanges.companyId(tag + "A").toString()));
        api.register(ALICE, """
                {"url": "%s", "filters": {"countries": ["cn"], "layers": ["MODEL"]}}"""
                .formatted(receiver.url("/filter/cn-model")));
        api.register(ALICE, """
                {"url": "%s", "filters": {"unicornOnly": true}}""".formatted(receiver.url("/filter/unicorns")));
        api.register(ALICE, """
                {"url": "%s", "filters": {"minChangePct": 50}}""".formatted(receiver.url("/filter/big")));

        CloudEvent<ValuationChanged> a = changes.publish(
                ValuationChanges.change(tag + "A", "US", Layer.MODEL, "100000000", "120000000"));
        CloudEvent<ValuationChanged> b = changes.publish(
                ValuationChanges.change(tag + "B", "CN", Layer.MODEL, "900000000", "1100000000"));
        CloudEvent<ValuationChanged> c = changes.publish(
                ValuationChanges.change(tag + "C", "CN", Layer.APPLICATION, "100000000", "300000000"));
        CloudEvent<ValuationChanged> d = changes.publish(
                ValuationChanges.change(tag + "D", "CN", Layer.MODEL, "2000000000", "800000000"));
        CloudEvent<ValuationChanged> e = changes.publish(
                ValuationChanges.change(tag + "E", "GB", Layer.APPLICATION, null, "40000000"));
        Set<String> published = Set.of(a.id(), b.id(), c.id(), d.id(), e.id());

        // each webhook's deliveries go out on their own, so the catch-all seeing everything says only that each
        // change was dispatched; each receiver is waited for, then must have got nothing more
        await().atMost(WAIT).until(() -> eventIds(all).containsAll(published));
        Map<String, Set<String>> expected = Map.of(
                "/filter/company", Set.of(a.id()),
                "/filter/cn-model", Set.of(b.id(), d.id()),
                "/filter/unicorns", Set.of(b.id(), d.id()),
                "/filter/big", Set.of(c.id(), d.id(), e.id()));
        expected.forEach((path, ids) -> await().atMost(WAIT).until(() -> only(published, path).containsAll(ids)));
        assertEquals(Set.of(a.id()), only(published, "/filter/company"));
        assertEquals(Set.of(b.id(), d.id()), only(published, "/filter/cn-model"));
        assertEquals(Set.of(b.id(), d.id()), only(published, "/filter/unicorns"), "entering and leaving count");
        assertEquals(Set.of(c.id(), d.id(), e.id()), only(published, "/filter/big"),
                "+200% and -60% pass 50%; a first valuation has no percentage and passes");
    }

    @Test
    void aDuplicateEventMakesOneDelivery() {
        Map<String, Object> webhook = api.register(ALICE, receiver.hookFor("/dedup", "Twice Sent AI"));
        CloudEvent<ValuationChanged> event = changes.publish(
                ValuationChanges.change("Twice Sent AI", "JP", Layer.MODEL, "10", "20"));
        changes.send(event);
        CloudEvent<ValuationChanged> marker = changes.publish(
                ValuationChanges.change("Twice Sent AI", "JP", Layer.MODEL, "20", "30"));

        await().atMost(WAIT).until(() -> eventIds("/dedup").contains(marker.id()));
        await().atMost(WAIT).until(() -> api.deliveries(ALICE, webhook.get("id")).stream()
                .allMatch(delivery -> "DELIVERED".equals(delivery.get("status"))));
        assertEquals(2, api.deliveries(ALICE, webhook.get("id")).size());
        // deliveries go out side by side, so they may arrive in either order
        assertEquals(2, receiver.at("/dedup").size());
        assertEquals(Set.of(event.id(), marker.id()), eventIds("/dedup"));
    }

    @Test
    void poisonIsParkedOnTheDeadLetterTopicAndTheChangeAfterItStillArrives() {
        String company = "Garbled Neighbour AI";
        String key = ValuationChanges.companyId(company).toString();
        Map<String, Object> webhook = api.register(ALICE, receiver.hookFor("/unreadable", company));
        // the same key, so the same partition: the good change waits behind the poison, likely in one poll
        changes.sendRaw(key, "{\"specversion\": \"1.0\", \"data\": [");
        String unknownType = changes.json(CloudEvent.of(ValuationChanges.SOURCE, "valuation.unheard-of", key,
                Instant.now(), Map.of()));
        changes.sendRaw(key, unknownType);
        CloudEvent<ValuationChanged> after = changes.publish(
                ValuationChanges.change(company, "JP", Layer.MODEL, "10", "20"));

        await().atMost(WAIT).until(() -> eventIds("/unreadable").contains(after.id()));
        assertEquals(Set.of(after.id()), eventIds("/unreadable"));
        assertEquals(List.of(after.id()), api.deliveries(ALICE, webhook.get("id")).stream()
                .map(delivery -> delivery.get("eventId")).toList(), "only the good change is queued");

        List<ConsumerRecord<String, String>> parked = parked(key, 2);
        assertTrue(header(parked.get(0), Topics.DLT_REASON).startsWith("not a CloudEvent"), parked.get(0)::toString);
        assertEquals(unknownType, parked.get(1).value(), "parked exactly as it came");
        assertEquals("unknown event type 'valuation.unheard-of'", header(parked.get(1), Topics.DLT_REASON));
        for (ConsumerRecord<String, String> poison : parked) {
            assertTrue(header(poison, Topics.DLT_ORIGIN).matches(
                    Pattern.quote(infra.topic(Topics.VALUATION_CHANGES)) + "/\\d+/\\d+"), poison::toString);
            assertEquals("notification-service", header(poison, Topics.DLT_CONSUMER));
        }
    }

    /** What lies on the dead-letter topic under {@code key}, once {@code count} records do. */
    private List<ConsumerRecord<String, String>> parked(String key, int count) {
        try (TopicReader dlt = new TopicReader(infra.bootstrapServers(),
                infra.topic(Topics.dlt(Topics.VALUATION_CHANGES)))) {
            return withKey(dlt.awaitRecords(WAIT, records -> withKey(records, key).size() >= count), key);
        }
    }

    private static List<ConsumerRecord<String, String>> withKey(List<ConsumerRecord<String, String>> records,
                                                                String key) {
        return records.stream().filter(record -> key.equals(record.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private Set<String> eventIds(String path) {
        return receiver.at(path).stream().map(received -> eventId(received.body())).collect(Collectors.toSet());
    }

    private Set<String> only(Set<String> published, String path) {
        return eventIds(path).stream().filter(published::contains).collect(Collectors.toSet());
    }

    private String eventId(String body) {
        try {
            return (String) service.context().getBean(JsonMapper.class).readValue(body, Map.class).get("id");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
