package io.aigcwatch.testkit.bench;

import io.aigcwatch.infra.Servers;
import io.aigcwatch.testkit.InfraMode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * How fast a consumer drains a backlog: fills its topic with N events while the service is down, starts it, and
 * times it from its first committed batch to its last, by its consumer group's offsets, against a real broker and
 * PostgreSQL. A service's benchmark main names its topic and schema and makes the events. N is
 * {@code -Dbench.events} (100,000 unless told; 1,000,000 for the figure).
 */
public final class CatchUpBenchmark {
    private static final int EVENTS = Integer.getInteger("bench.events", 100_000);

    /** A record to produce: keyed by company, as every producer of the suite keys. */
    public record Event(String key, String value) {
    }

    private CatchUpBenchmark() {
    }

    /** How many events the backlog holds: {@code -Dbench.events}. */
    public static int events() {
        return EVENTS;
    }

    /**
     * @param service  starts the service with these properties (Kafka on, the topic prefix empty); closing stops it
     * @param schema   where the service's inbox stores processed event ids
     * @param topic    the topic constant the listener consumes
     * @param event    the i-th event of the backlog
     */
    public static void run(String name, String schema, String topic, IntFunction<Event> event,
                           Function<Map<String, Object>, AutoCloseable> service) throws Exception {
        run(name, schema, topic, event, service, db -> {
        });
    }

    /** What a benchmark stores before the backlog, once the service's schema exists. */
    @FunctionalInterface
    public interface Setup {
        void prepare(Connection db) throws SQLException;
    }

    /** As {@link #run(String, String, String, IntFunction, Function)}, with {@code setup} run before the fill. */
    public static void run(String name, String schema, String topic, IntFunction<Event> event,
                           Function<Map<String, Object>, AutoCloseable> service, Setup setup) throws Exception {
        Path home = Files.createTempDirectory("aigcwatch-catchup-bench");
        try (Servers servers = InfraMode.fromEnvironment().start(home, Servers.Ports.ANY, true)) {
            servers.postgres().ensureDatabase("bench");
            Map<String, Object> properties = new HashMap<>(servers.serviceProperties("bench", ""));
            properties.put("micronaut.server.port", -1);
            // a first start creates the topics with their partitions and the schema, and consumes nothing
            service.apply(properties).close();
            try (Connection db = DriverManager.getConnection(servers.postgres().jdbcUrl("bench"),
                    servers.postgres().username(), servers.postgres().password())) {
                setup.prepare(db);
            }
            long filling = System.nanoTime();
            fill(servers.kafka().bootstrapServers(), topic, event);
            System.out.printf("%s: %,d events on %s in %.1f s%n", name, EVENTS, topic,
                    (System.nanoTime() - filling) / 1e9);
            try (Connection db = DriverManager.getConnection(servers.postgres().jdbcUrl("bench"),
                    servers.postgres().username(), servers.postgres().password());
                 AutoCloseable running = service.apply(properties)) {
                String report = drain(db, servers.kafka().bootstrapServers(), schema, topic, name);
                System.out.println(report);
                Path out = Path.of("target", "catchup-benchmark.txt");
                Files.createDirectories(out.getParent());
                Files.writeString(out, String.format("%d cores, Java %s, %s servers%n%s%n",
                        Runtime.getRuntime().availableProcessors(), Runtime.version(), InfraMode.fromEnvironment(),
                        report));
            }
        }
    }

    private static void fill(String bootstrap, String topic, IntFunction<Event> event) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < EVENTS; i++) {
                Event next = event.apply(i);
                producer.send(new ProducerRecord<>(topic, next.key(), next.value()));
            }
            producer.flush();
        }
    }

    /**
     * Follows the consumer's committed offsets, which it commits after each batch's transaction: reading them costs
     * the database nothing. (Counting the inbox's ids every 100 ms took a sixth of PostgreSQL's time at a million
     * events, and slowed the consumer it measured.) The inbox is counted once at the end, to show that every event
     * was applied and not only committed.
     */
    private static String drain(Connection db, String bootstrap, String schema, String topic, String name)
            throws Exception {
        long started = System.nanoTime();
        long[] first = {0, 0};
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Awaitility.await(name + " drains " + EVENTS + " events").atMost(Duration.ofHours(1))
                    .pollInterval(Duration.ofMillis(100)).until(() -> {
                        long done = committed(admin, topic);
                        if (done > 0 && first[0] == 0) {
                            first[0] = System.nanoTime();
                            first[1] = done;
                        }
                        return done >= EVENTS;
                    });
        }
        long now = System.nanoTime();
        long applied = applied(db, "select count(*) from " + schema + ".processed_event where topic = '"
                + topic + "'");
        if (applied < EVENTS) {
            throw new IllegalStateException(name + " committed " + EVENTS + " events but applied " + applied);
        }
        double seconds = (now - first[0]) / 1e9;
        return String.format("%s: drained %,d events in %.1f s from its first committed batch (%.1f s from start):"
                        + " %,.0f events/s", name, EVENTS, seconds, (now - started) / 1e9,
                (EVENTS - first[1]) / seconds);
    }

    /** The offsets every consumer group has committed on the topic, summed: the service's is the only group. */
    private static long committed(Admin admin, String topic) throws Exception {
        long sum = 0;
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
            for (Map.Entry<TopicPartition, OffsetAndMetadata> offset : admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get().entrySet()) {
                if (offset.getKey().topic().equals(topic) && offset.getValue() != null) {
                    sum += offset.getValue().offset();
                }
            }
        }
        return sum;
    }

    private static long applied(Connection db, String count) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(count)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
