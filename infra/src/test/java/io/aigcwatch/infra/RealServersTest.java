package io.aigcwatch.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded servers, as the local stack starts them: a real PostgreSQL and a real KRaft broker. */
class RealServersTest {
    @TempDir
    static Path home;
    private static Servers servers;

    @BeforeAll
    static void start() {
        servers = Servers.embedded(home, Servers.Ports.ANY, false);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void aDatabaseItCreatesTakesRowsOnARealPostgres() throws Exception {
        PostgresServer postgres = servers.postgres();
        postgres.ensureDatabase("probe");
        // as on every restart of the local stack: the database is there already
        postgres.ensureDatabase("probe");
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("probe"),
                postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute("create table probe(id int primary key)");
            statement.execute("insert into probe values (42)");
            try (ResultSet version = statement.executeQuery("select current_database(), (select id from probe), version()")) {
                assertTrue(version.next());
                assertEquals("probe", version.getString(1));
                assertEquals(42, version.getInt(2));
                assertTrue(version.getString(3).startsWith("PostgreSQL"), version.getString(3));
            }
        }
    }

    @Test
    void aRecordSentToTheRealBrokerComesBackWithItsKey() {
        String topic = "probe.v1";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "company-1", "hello")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return !seen.isEmpty();
            });
            assertEquals("company-1", seen.get(0).key());
            assertEquals("hello", seen.get(0).value());
        }
    }
}
