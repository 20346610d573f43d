package io.aigcwatch.testkit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(RealInfraExtension.class)
class RealInfraExtensionTest {

    @Test
    void eachClassGetsItsOwnDatabaseAndTopicPrefix(TestInfra infra) throws Exception {
        TestInfra other = RealInfraExtension.forClass(InfraModeTest.class);
        assertNotEquals(infra.database(), other.database());
        assertNotEquals(infra.topicPrefix(), other.topicPrefix());
        assertEquals(infra.topicPrefix() + "probe.v1", infra.topic("probe.v1"));
        try (Connection connection = infra.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create table probe(id int primary key)");
            statement.execute("insert into probe values (42)");
            try (ResultSet row = statement.executeQuery("select current_database(), (select id from probe)")) {
                assertTrue(row.next());
                assertEquals(infra.database(), row.getString(1));
                assertEquals(42, row.getInt(2));
            }
        }
        assertEquals(1, infra.queryLong("select count(*) from probe"));
    }

    @Test
    void theServicePropertiesPointAtTheClassesShare(TestInfra infra) {
        Map<String, String> properties = infra.testProperties();
        assertEquals(infra.jdbcUrl(), properties.get("datasources.default.url"));
        assertEquals(infra.bootstrapServers(), properties.get("kafka.bootstrap.servers"));
        assertEquals(infra.topicPrefix(), properties.get("aigcwatch.kafka.topic-prefix"));
        assertEquals("-1", properties.get("micronaut.server.port"));
    }

    @Test
    void aTopicReaderSeesWhatReachedTheBroker(TestInfra infra) throws Exception {
        String topic = infra.topic("probe.v1");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "company-1", "hello")).get();
        }
        try (TopicReader reader = new TopicReader(infra.bootstrapServers(), topic)) {
            List<ConsumerRecord<String, String>> seen = reader.awaitRecords(Duration.ofSeconds(30),
                    records -> !records.isEmpty());
            assertEquals("company-1", seen.get(0).key());
            assertEquals("hello", seen.get(0).value());
        }
    }
}
