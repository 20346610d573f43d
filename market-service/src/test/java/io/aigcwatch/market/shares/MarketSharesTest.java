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
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.aigcwatch.testkit.TopicReader;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Funding and valuation events in, live shares out, on the real broker and database. */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketSharesTest implements TestPropertyProvider {
    private final TestInfra infra = RealInfraExtension.forClass(MarketSharesTest.class);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    @Test
    void sharesFollowRecordsCorrectionsRetractionsAndIgnoreReplays() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            UUID model = UUID.randomUUID();
            UUID app = UUID.randomUUID();
            CloudEvent<FundingRoundData> first = send(producer, FundingEventTypes.RECORDED, round(model, Layer.MODEL, "500000000", 1));
            send(producer, FundingEventTypes.RECORDED, round(app, Layer.APPLICATION, "100000000", 1));
            awaitShare("layer", "MODEL", 1, "500000000");
            Map<String, Object> byLayer = get("/market/shares?by=layer");
            BigDecimal total = new BigDecimal(byLayer.get("totalUsd").toString());
            BigDecimal expected = new BigDecimal("500000000").multiply(BigDecimal.valueOf(100))
                    .divide(total, 2, java.math.RoundingMode.HALF_EVEN);
            assertEquals(0, expected.compareTo(new BigDecimal(share("layer", "MODEL").get("pct").toString())),
                    "a share is its sum over the total: " + byLayer);

            send(producer, FundingEventTypes.CORRECTED, round(model, Layer.MODEL, "600000000", 2));
            awaitShare("layer", "MODEL", 1, "600000000");

            producer.send(new ProducerRecord<>(infra.topic(Topics.FUNDING_EVENTS), model.toString(),
                    json.writeValueAsString(first))).get();
            producer.send(new ProducerRecord<>(infra.topic(Topics.FUNDING_EVENTS), "x", "not json")).get();
            send(producer, FundingEventTypes.RETRACTED, new FundingRetracted(model, model, 3, "test"));
            awaitShare("layer", "MODEL", 0, "0");
            awaitShare("layer", "APPLICATION", 1, "100000000");
            awaitShare("lead", "Lead Capital", 1, "100000000");

            ValuationChanged unicorn = new ValuationChanged(app, "Unicorn Apps", "US", Layer.APPLICATION, null,
                    new BigDecimal("3000000000"), null, UnicornStatus.NONE, UnicornStatus.UNICORN, StatusTransition.ENTERED,
                    LocalDate.of(2024, 1, 1), "REPORTED", "MARK", app, app, null);
            producer.send(new ProducerRecord<>(infra.topic(Topics.VALUATION_CHANGES), app.toString(),
                    json.writeValueAsString(CloudEvent.of("/test", ValuationChanged.TYPE, app.toString(), Instant.now(), unicorn)))).get();
            await().atMost(Duration.ofSeconds(20)).until(() -> get("/market/shares?by=company&metric=valuation")
                    .toString().contains("Unicorn Apps"));
        }
    }

    @Test
    void aBurstOfRoundsIsCoalescedIntoFewRecomputesThatSayWhatMoved() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()), new StringSerializer(), new StringSerializer());
             TopicReader recomputed = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.MARKET_PROJECTIONS))) {
            for (int i = 0; i < 50; i++) {
                UUID company = UUID.randomUUID();
                send(producer, FundingEventTypes.RECORDED, round(company, Layer.INFRASTRUCTURE, "1000000", 1, "Burst Capital"));
            }
            awaitShare("layer", "INFRASTRUCTURE", 50, "50000000");
            List<ConsumerRecord<String, String>> events = recomputed.awaitRecords(Duration.ofSeconds(10), records ->
                    records.stream().anyMatch(r -> r.value().contains("\"key\":\"funding.layer.INFRASTRUCTURE\"")));
            List<ConsumerRecord<String, String>> layer = recomputed.drain(Duration.ofMillis(800)).stream()
                    .filter(r -> "shares".equals(r.key())).toList();
            assertTrue(layer.size() <= 10, "50 rounds coalesced into " + layer.size() + " recomputes");
            Map<String, Object> last = json.readValue(layer.get(layer.size() - 1).value(), Map.class);
            assertEquals("market.recomputed", last.get("type"));
            assertTrue(last.get("data").toString().contains("funding.layer.INFRASTRUCTURE"), last::toString);
            assertTrue(!events.isEmpty());
        }
    }

    private FundingRoundData round(UUID companyId, Layer layer, String usd, long version) {
        return round(companyId, layer, usd, version, "Lead Capital");
    }

    private FundingRoundData round(UUID companyId, Layer layer, String usd, long version, String lead) {
        CompanyData company = new CompanyData(companyId, "Co " + companyId, null, "US", layer, List.of("TEXT"));
        BigDecimal value = new BigDecimal(usd);
        return new FundingRoundData(companyId, version, company, RoundType.SERIES_A,
                new MoneyData(value, null, null, "USD", AmountPrecision.EXACT, value, null, null, BigDecimal.ONE,
                        LocalDate.of(2024, 1, 1)),
                null, LocalDate.of(2024, 2, 2), List.of(new InvestorData(lead, true)), "test");
    }

    private <T> CloudEvent<T> send(KafkaProducer<String, String> producer, String type, T data) throws Exception {
        String key = data instanceof FundingRoundData round ? round.company().id().toString() : "k";
        CloudEvent<T> event = CloudEvent.of("/test", type, key, Instant.now(), data);
        producer.send(new ProducerRecord<>(infra.topic(Topics.FUNDING_EVENTS), key, json.writeValueAsString(event))).get();
        return event;
    }

    private void awaitShare(String by, String key, long count, String usd) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Map<String, Object> share = share(by, key);
            long rounds = share == null ? 0 : ((Number) share.get("count")).longValue();
            BigDecimal sum = share == null ? BigDecimal.ZERO : new BigDecimal(share.get("usd").toString());
            return rounds == count && sum.compareTo(new BigDecimal(usd)) == 0;
        });
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> share(String by, String key) throws Exception {
        List<Map<String, Object>> shares = (List<Map<String, Object>>) get("/market/shares?by=" + by).get("shares");
        return shares.stream().filter(share -> key.equals(share.get("key"))).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                TestCredential.on(HttpRequest.newBuilder(server.getURI().resolve(path))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return json.readValue(response.body(), Map.class);
    }
}
