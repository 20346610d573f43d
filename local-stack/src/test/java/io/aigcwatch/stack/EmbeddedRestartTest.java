package io.aigcwatch.stack;

import io.aigcwatch.infra.Servers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
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

/** What the local stack promises across Ctrl-C and `up` again: every row and every record is still there. */
class EmbeddedRestartTest {
    private static final String TOPIC = "restart.probe.v1";

    @Test
    void aRowAndARecordSurviveAStopAndAStartOnTheSameHome(@TempDir Path home) throws Exception {
        String clusterId;
        try (Servers first = start(home)) {
            first.postgres().ensureDatabase(RunningStack.DATABASE);
            try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
                statement.execute("create table probe(id int primary key, name text)");
                statement.execute("insert into probe values (1, 'kept')");
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, first.kafka().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(TOPIC, "company-1", "before the restart")).get();
            }
            clusterId = clusterId(home);
        }

        // Any free ports again: the broker must not depend on the ports it had, only on its log directory.
        try (Servers second = start(home)) {
            assertEquals(clusterId, clusterId(home), "the log directory must not be formatted again");
            second.postgres().ensureDatabase(RunningStack.DATABASE);
            try (Connection connection = connect(second); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("select name from probe where id = 1")) {
                assertTrue(row.next());
                assertEquals("kept", row.getString(1));
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, second.kafka().bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "after-restart",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(TOPIC));
                List<ConsumerRecord<String, String>> seen = new ArrayList<>();
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                    return !seen.isEmpty();
                });
                assertEquals(1, seen.size());
                assertEquals("company-1", seen.get(0).key());
                assertEquals("before the restart", seen.get(0).value());
            }
        }
    }

    private static Servers start(Path home) {
        return Servers.embedded(home, Servers.Ports.ANY, true);
    }

    private static Connection connect(Servers servers) throws Exception {
        return DriverManager.getConnection(servers.postgres().jdbcUrl(RunningStack.DATABASE),
                servers.postgres().username(), servers.postgres().password());
    }

    private static String clusterId(Path home) throws Exception {
        return Files.readAllLines(home.resolve("kafka/meta.properties")).stream()
                .filter(line -> line.startsWith("cluster.id="))
                .findFirst().orElseThrow();
    }
}
