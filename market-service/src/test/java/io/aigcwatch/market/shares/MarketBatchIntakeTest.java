package io.aigcwatch.market.shares;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.aigcwatch.testkit.TopicReader;
import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The funding listener takes whole polled batches: records that wait behind a paused consumer come back in one poll,
 * a poison among them is parked alone with its headers, and each good round counts once, a duplicate inside the
 * poll or in a later one changing nothing.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketBatchIntakeTest implements TestPropertyProvider {
    private final TestInfra infra = RealInfraExtension.forClass(MarketBatchIntakeTest.class);

    @Inject
    JsonMapper json;
    @Inject
    ConsumerRegistry consumers;
    private KafkaProducer<String, String> producer;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    @BeforeAll
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    void disconnect() {
        producer.close();
    }

    @Test
    void aPoisonInOnePollIsParkedAloneAndEachGoodRoundCountsOnce() throws Exception {
        UUID company = UUID.randomUUID();
        String key = company.toString();
        CloudEvent<FundingRoundData> first = MarketConsumersTest.recorded(company, "Batch Capital");
        pauseAll();
        send(key, json.writeValueAsString(first));
        send(key, "not json in a batch");
        send(key, json.writeValueAsString(first));
        send(key, json.writeValueAsString(MarketConsumersTest.recorded(company, "Batch Capital")));
        consumers.getConsumerIds().forEach(consumers::resume);

        await().atMost(Duration.ofSeconds(30)).until(() -> rounds("Batch Capital") == 2);
        try (TopicReader dlt = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.dlt(Topics.FUNDING_EVENTS)))) {
            List<ConsumerRecord<String, String>> parked = dlt.awaitRecords(Duration.ofSeconds(20), records -> !records.isEmpty());
            assertEquals(1, parked.size());
            assertEquals("not json in a batch", parked.get(0).value());
            assertEquals(key, parked.get(0).key());
            assertTrue(header(parked.get(0), Topics.DLT_REASON).startsWith("not a CloudEvent"), parked.get(0)::toString);
            assertEquals("market-service", header(parked.get(0), Topics.DLT_CONSUMER));
        }

        send(key, json.writeValueAsString(first));
        send(key, json.writeValueAsString(MarketConsumersTest.recorded(company, "Later Capital")));
        // behind the resent event on its partition: once it counted, the resent one was taken
        await().atMost(Duration.ofSeconds(30)).until(() -> rounds("Later Capital") == 1);
        assertEquals(2, rounds("Batch Capital"), "a duplicate in a later poll changed nothing");
    }

    private long rounds(String investor) throws java.sql.SQLException {
        return infra.queryLong("select coalesce(max(rounds), 0) from market.funding_aggregate where bucket = '"
                + investor + "'");
    }

    /** Once every partition is held and paused, records produced now wait and come in one poll after resume. */
    private void pauseAll() {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(IllegalArgumentException.class)
                .until(() -> consumers.getConsumerIds().stream()
                        .allMatch(id -> !consumers.getConsumerAssignment(id).isEmpty()));
        consumers.getConsumerIds().forEach(consumers::pause);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                consumers.getConsumerIds().stream().allMatch(consumers::isPaused));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(infra.topic(Topics.FUNDING_EVENTS), key, value)).get();
    }
}
