package io.aigcwatch.funding.bench;

import io.aigcwatch.testkit.TestCredential;
import io.aigcwatch.events.Topics;
import io.aigcwatch.infra.Servers;
import io.aigcwatch.testkit.InfraMode;
import io.aigcwatch.testkit.TopicWatch;
import io.aigcwatch.testkit.bench.PlainHttpClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures funding-service on this machine, everything on one box, durable PostgreSQL (fsync on):
 * <ol>
 *   <li>rounds/s accepted at 16 concurrent clients, each posting as fast as it can;</li>
 *   <li>outbox relay lag at a fixed 200 rounds/s: from the row's insert to the moment the relay marked it sent,
 *       after Kafka acknowledged it (an upper bound of commit-to-ack), and from the client's 201 to a stock
 *       consumer holding the record.</li>
 * </ol>
 * Run with {@code mvn -B -q -Pbenchmark -pl funding-service -am verify -DskipTests}; the report is printed and
 * written to {@code funding-service/target/benchmark.txt}.
 */
public final class FundingBenchmark {
    private static final int CLIENTS = 16;
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 15));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    private static final int FIXED_RATE = 200;
    private static final int COMPANIES = 2_000;
    private static final int DAYS_APART = 61;

    private final URI base;
    private final ThreadLocal<PlainHttpClient> connections = new ThreadLocal<>();
    private final List<PlainHttpClient> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();

    private FundingBenchmark(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("aigcwatch-bench");
        try (Servers servers = InfraMode.fromEnvironment().start(home, Servers.Ports.ANY, true)) {
            servers.postgres().ensureDatabase("bench");
            Map<String, Object> properties = new HashMap<>(servers.serviceProperties("bench", ""));
            properties.put("micronaut.server.port", -1);
            // the benchmark calls the service as the gateway would
            properties.put(TestCredential.PROPERTY, TestCredential.VALUE);
            properties.put("aigcwatch.outbox.enabled", Boolean.parseBoolean(System.getProperty("bench.relay", "true")));
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
                FundingBenchmark benchmark = new FundingBenchmark(server.getURI());
                String report = benchmark.run(servers);
                benchmark.closeConnections();
                Path out = Path.of("target", "benchmark.txt");
                Files.createDirectories(out.getParent());
                Files.writeString(out, report);
            }
        }
    }

    private String run(Servers servers) throws Exception {
        StringBuilder report = new StringBuilder();
        report.append("funding-service benchmark, ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(Runtime.version()).append(", ").append(InfraMode.fromEnvironment())
                .append(" servers, durable PostgreSQL\n");

        saturate(WARMUP);
        refused.set(0);
        Histogram latency = new Histogram(60_000_000L, 3);
        long accepted = saturate(MEASURE, latency);
        report.append(String.format("throughput: %d clients, %d s: %.0f rounds/s accepted (%d refused); POST latency p50 %.2f ms, p99 %.2f ms%n",
                CLIENTS, MEASURE.toSeconds(), accepted / (double) MEASURE.toSeconds(), refused.getAndSet(0),
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0));
        System.out.print(report);
        if (!Boolean.parseBoolean(System.getProperty("bench.relay", "true"))) {
            return report.append("relay off (-Dbench.relay=false): no lag measured\n").toString();
        }

        try (Connection db = DriverManager.getConnection(servers.postgres().jdbcUrl("bench"),
                servers.postgres().username(), servers.postgres().password());
             TopicWatch watch = new TopicWatch(servers.kafka().bootstrapServers(), Topics.FUNDING_EVENTS,
                     record -> between(record.value(), "\"roundId\":\""))) {
            awaitRelayIdle(db);
            long fromSeq = maxSeq(db);
            Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
            int sent = fixedRate(FIXED_RATE, MEASURE, acceptedAt);
            awaitRelayIdle(db);
            Histogram consumerLag = watch.lagAfter(acceptedAt, Duration.ofMinutes(1));
            report.append(String.format("relay lag at %d rounds/s for %d s (%d rounds), insert to Kafka ack and mark: %s%n",
                    FIXED_RATE, MEASURE.toSeconds(), sent, relayLag(db, fromSeq)));
            report.append(String.format("201 to a stock consumer holding the record: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d records)%n",
                    consumerLag.getValueAtPercentile(50) / 1000.0, consumerLag.getValueAtPercentile(99) / 1000.0,
                    consumerLag.getMaxValue() / 1000.0, consumerLag.getTotalCount()));
        }
        System.out.print(report.substring(report.indexOf("relay lag")));
        return report.toString();
    }

    /** The 36-character id that follows {@code marker} in a JSON text. */
    static String between(String json, String marker) {
        int at = json.indexOf(marker) + marker.length();
        return json.substring(at, at + 36);
    }

    private void closeConnections() throws IOException {
        for (PlainHttpClient connection : opened) {
            connection.close();
        }
    }

    private long saturate(Duration duration) throws Exception {
        return saturate(duration, new Histogram(60_000_000L, 3));
    }

    private long saturate(Duration duration, Histogram latency) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<Long>> results = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            results.add(clients.submit(() -> {
                long ok = 0;
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    if (post().status() != 201) {
                        refused.incrementAndGet();
                    } else {
                        ok++;
                        synchronized (latency) {
                            latency.recordValue((System.nanoTime() - start) / 1000);
                        }
                    }
                }
                return ok;
            }));
        }
        long total = 0;
        for (Future<Long> result : results) {
            total += result.get();
        }
        clients.shutdown();
        return total;
    }

    private int fixedRate(int perSecond, Duration duration, Map<String, Long> acceptedAt) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long intervalNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        int total = (int) (perSecond * duration.toSeconds());
        List<Future<?>> pending = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            pending.add(clients.submit(() -> {
                PlainHttpClient.Response response = post();
                if (response.status() == 201) {
                    acceptedAt.put(between(response.body(), "\"id\":\""), System.nanoTime());
                }
                return null;
            }));
        }
        for (Future<?> future : pending) {
            future.get();
        }
        clients.shutdown();
        return total;
    }

    /**
     * Rounds of {@value #COMPANIES} companies, each company's rounds {@value #DAYS_APART} days apart so that none is
     * a duplicate: most posts meet a company that is already registered, as in real use.
     */
    private PlainHttpClient.Response post() throws IOException {
        long n = sequence.incrementAndGet();
        long company = n % COMPANIES;
        LocalDate announced = LocalDate.of(2020, 1, 1).plusDays(n / COMPANIES * DAYS_APART);
        String body = """
                {"company": {"name": "Bench Company %d", "country": "CN", "layer": "MODEL", "segments": ["TEXT"]},
                 "round": "SERIES_A", "amount": {"value": "%d", "currency": "CNY", "precision": "EXACT"},
                 "announcedOn": "%s", "investors": [{"name": "Bench Capital", "lead": true}],
                 "source": "benchmark"}""".formatted(company, 1_000_000 + n, announced);
        PlainHttpClient connection = connections.get();
        if (connection == null) {
            connection = new PlainHttpClient(base, Map.of(TestCredential.HEADER, TestCredential.VALUE));
            connections.set(connection);
            opened.add(connection);
        }
        return connection.postJson("/funding-events", body);
    }

    private static String relayLag(Connection db, long afterSeq) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("""
                select percentile_cont(0.5) within group (order by extract(epoch from sent_at - created_at)),
                       percentile_cont(0.99) within group (order by extract(epoch from sent_at - created_at)),
                       max(extract(epoch from sent_at - created_at)), count(*)
                from funding.outbox where seq > %d""".formatted(afterSeq))) {
            rows.next();
            return String.format("p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d rows)", rows.getDouble(1) * 1000,
                    rows.getDouble(2) * 1000, rows.getDouble(3) * 1000, rows.getLong(4));
        }
    }

    private static long maxSeq(Connection db) throws Exception {
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select coalesce(max(seq), 0) from funding.outbox")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void awaitRelayIdle(Connection db) {
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery("select count(*) from funding.outbox where sent_at is null")) {
                rows.next();
                return rows.getLong(1) == 0;
            }
        });
    }
}
