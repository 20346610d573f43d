package io.aigcwatch.market.shares;

import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The running service on its own share of the real servers, a producer onto the topics it consumes and its consumer
 * registry to pause: what every test of the service's intake starts from, so each keeps only what it tests.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MarketIntakeTest implements TestPropertyProvider {
    final TestInfra infra = RealInfraExtension.forClass(getClass());

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

    /** @param partition null to let the key choose it */
    void send(String topic, Integer partition, String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(infra.topic(topic), partition, key, value)).get();
    }

    /** Once every partition is held and paused, records produced now wait and come in one poll after resume. */
    void pauseAll() {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(IllegalArgumentException.class)
                .until(() -> consumers.getConsumerIds().stream()
                        .allMatch(id -> !consumers.getConsumerAssignment(id).isEmpty()));
        consumers.getConsumerIds().forEach(consumers::pause);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                consumers.getConsumerIds().stream().allMatch(consumers::isPaused));
    }

    void resumeAll() {
        consumers.getConsumerIds().forEach(consumers::resume);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
