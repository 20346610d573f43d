package io.aigcwatch.market.shares;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.DatePrecision;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.MoneyData;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestCredential;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
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
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A round whose date is known only to the year or as "on or before" a date is in no quarter of the quarterly shares,
 * and is counted beside them; an old event without a precision is a DAY round, placed as before.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnplacedRoundsTest implements TestPropertyProvider {
    private final TestInfra infra = RealInfraExtension.forClass(UnplacedRoundsTest.class);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    @Test
    @SuppressWarnings("unchecked")
    void unplacedRoundsAreCountedBesideTheQuartersAndMoveInWhenTheirDateBecomesKnown() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            UUID before = UUID.randomUUID();
            send(producer, FundingEventTypes.RECORDED, round(before, 1, LocalDate.of(2019, 2, 15), DatePrecision.BEFORE));
            send(producer, FundingEventTypes.RECORDED, round(UUID.randomUUID(), 1, LocalDate.of(2019, 1, 1), DatePrecision.YEAR));
            send(producer, FundingEventTypes.RECORDED, round(UUID.randomUUID(), 1, LocalDate.of(2019, 7, 1), DatePrecision.QUARTER));
            // an event as producers wrote it before precision existed: no announcedPrecision field at all
            Map<String, Object> old = json.readValue(json.writeValueAsString(
                    round(UUID.randomUUID(), 1, LocalDate.of(2019, 11, 20), DatePrecision.DAY)), Map.class);
            old.remove("announcedPrecision");
            send(producer, FundingEventTypes.RECORDED, old);

            await().atMost(Duration.ofSeconds(20)).until(() -> count("2019-Q3") == 1 && count("2019-Q4") == 1
                    && unplaced() == 2);
            Map<String, Object> quarters = get("/market/shares?by=quarter");
            List<Map<String, Object>> shares = (List<Map<String, Object>>) quarters.get("shares");
            assertEquals(List.of("2019-Q3", "2019-Q4"), shares.stream().map(share -> share.get("key")).sorted().toList());
            assertEquals(2, ((Number) quarters.get("count")).intValue(), quarters.toString());

            send(producer, FundingEventTypes.CORRECTED, round(before, 2, LocalDate.of(2019, 2, 15), DatePrecision.DAY));
            await().atMost(Duration.ofSeconds(20)).until(() -> count("2019-Q1") == 1 && unplaced() == 1);
            assertNull(get("/market/shares?by=layer").get("unplacedRounds"), "only the quarterly shares place rounds");
        }
    }

    private FundingRoundData round(UUID companyId, long version, LocalDate on, DatePrecision precision) {
        CompanyData company = new CompanyData(companyId, "Co " + companyId, null, "US", Layer.MODEL, List.of("TEXT"));
        BigDecimal value = new BigDecimal("1000000");
        return new FundingRoundData(companyId, version, company, RoundType.SEED,
                new MoneyData(value, null, null, "USD", AmountPrecision.EXACT, value, null, null, BigDecimal.ONE,
                        on.withDayOfMonth(1)),
                null, on, List.of(new InvestorData("Lead Capital", true)), "test", precision);
    }

    private void send(KafkaProducer<String, String> producer, String type, Object data) throws Exception {
        String key = data instanceof FundingRoundData round ? round.company().id().toString() : "old";
        CloudEvent<Object> event = CloudEvent.of("/test", type, key, Instant.now(), data);
        producer.send(new ProducerRecord<>(infra.topic(Topics.FUNDING_EVENTS), key, json.writeValueAsString(event))).get();
    }

    private long unplaced() throws Exception {
        Object unplaced = get("/market/shares?by=quarter").get("unplacedRounds");
        return unplaced == null ? -1 : ((Number) unplaced).longValue();
    }

    @SuppressWarnings("unchecked")
    private long count(String quarter) throws Exception {
        List<Map<String, Object>> shares = (List<Map<String, Object>>) get("/market/shares?by=quarter").get("shares");
        return shares.stream().filter(share -> quarter.equals(share.get("key"))).findFirst()
                .map(share -> ((Number) share.get("count")).longValue()).orElse(0L);
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
