package io.aigcwatch.market.shares;

import io.aigcwatch.testkit.TestCredential;
import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.MoneyData;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.infra.Servers;
import io.aigcwatch.kit.inbox.BatchHandler;
import io.aigcwatch.kit.inbox.Inbox;
import io.aigcwatch.testkit.InfraMode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Measures, at 10k, 100k and 1M events already applied, the cost of applying one more funding event and of
 * reading {@code GET /market/shares}. The earlier events are bulk-loaded into the same tables in the shape the
 * intake leaves them (one contribution per round, aggregates that sum them), since replaying a million events
 * one by one would take the benchmark half an hour; the measured events then go through the real inbox, one
 * transaction each with its processed-event record, as the Kafka listener hands them over.
 * Run with {@code mvn -B -q -Pbenchmark -pl market-service -am verify -DskipTests}.
 */
public final class MarketBenchmark {
    private static final int APPLIED = Integer.getInteger("bench.applied", 2_000);
    private static final int READS = Integer.getInteger("bench.reads", 300);
    private static final List<Integer> SIZES = List.of(10_000, 100_000, 1_000_000);

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("aigcwatch-market-bench");
        StringBuilder report = new StringBuilder(String.format(
                "market-service benchmark, %d cores, Java %s, %s servers, durable PostgreSQL; %d events applied and %d reads per size%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), InfraMode.fromEnvironment(), APPLIED, READS));
        System.out.print(report);
        try (Servers servers = InfraMode.fromEnvironment().start(home, Servers.Ports.ANY, true)) {
            servers.postgres().ensureDatabase("bench");
            Map<String, Object> properties = new HashMap<>(servers.serviceProperties("bench", ""));
            properties.put("micronaut.server.port", -1);
            // the benchmark calls the service as the gateway would
            properties.put(TestCredential.PROPERTY, TestCredential.VALUE);
            // the listener is not what is measured; the inbox is called directly
            properties.put("kafka.enabled", false);
            properties.put("aigcwatch.outbox.enabled", false);
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
                 Connection db = DriverManager.getConnection(servers.postgres().jdbcUrl("bench"),
                         servers.postgres().username(), servers.postgres().password())) {
                Inbox inbox = server.getApplicationContext().getBean(Inbox.class);
                BatchHandler funding = server.getApplicationContext().getBean(ShareInputs.class).funding();
                JsonMapper json = server.getApplicationContext().getBean(JsonMapper.class);
                int loaded = 0;
                for (int size : SIZES) {
                    bulkLoad(db, loaded, size);
                    loaded = size;
                    Histogram apply = new Histogram(60_000_000L, 3);
                    for (int i = 0; i < APPLIED; i++) {
                        String event = json.writeValueAsString(event(i));
                        long start = System.nanoTime();
                        inbox.accept(new ConsumerRecord<>(Topics.FUNDING_EVENTS, 0, i, "k", event), funding);
                        apply.recordValue((System.nanoTime() - start) / 1000);
                    }
                    Histogram read = reads(server.getURI());
                    report.append(String.format("%,9d events: apply one p50 %.2f ms, p99 %.2f ms; GET /market/shares?by=layer p50 %.2f ms, p99 %.2f ms%n",
                            size, apply.getValueAtPercentile(50) / 1000.0, apply.getValueAtPercentile(99) / 1000.0,
                            read.getValueAtPercentile(50) / 1000.0, read.getValueAtPercentile(99) / 1000.0));
                    System.out.print(report.substring(report.lastIndexOf("\n", report.length() - 2) + 1));
                }
            }
        }
        Path out = Path.of("target", "benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    /** Rounds from..to as the intake would have left them: 4 layers, 30 countries, 200 investors. */
    private static void bulkLoad(Connection db, int from, int to) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("""
                    insert into market.round_contribution (round_id, buckets, usd)
                    select md5(i::text)::uuid,
                           'QUARTER' || chr(31) || (2020 + mod(i, 6)) || '-Q' || (1 + mod(i, 4)) || chr(10) ||
                           'LAYER' || chr(31) || (array['INFRASTRUCTURE','MODEL','APPLICATION'])[1 + mod(i, 3)] || chr(10) ||
                           'COUNTRY' || chr(31) || 'C' || mod(i, 30) || chr(10) ||
                           'INVESTOR' || chr(31) || 'Investor ' || mod(i, 200),
                           1000000
                    from generate_series(%d, %d) as i""".formatted(from + 1, to));
            statement.execute("truncate market.funding_aggregate");
            statement.execute("""
                    insert into market.funding_aggregate (dimension, bucket, rounds, usd)
                    select split_part(line, chr(31), 1), split_part(line, chr(31), 2), count(*), sum(usd)
                    from market.round_contribution, regexp_split_to_table(buckets, chr(10)) as line
                    group by 1, 2""");
            statement.execute("analyze");
        }
    }

    static CloudEvent<FundingRoundData> event(int i) {
        UUID id = UUID.randomUUID();
        BigDecimal usd = BigDecimal.valueOf(1_000_000L + i);
        CompanyData company = new CompanyData(id, "Bench " + i, null, "CN", Layer.values()[i % 3], List.of("TEXT"));
        FundingRoundData round = new FundingRoundData(id, 1, company, RoundType.SERIES_A,
                new MoneyData(usd, null, null, "USD", AmountPrecision.EXACT, usd, null, null, BigDecimal.ONE,
                        LocalDate.of(2024, 1, 1)), null, LocalDate.of(2024, 1, 15),
                List.of(new InvestorData("Investor " + (i % 200), true)), "benchmark");
        return CloudEvent.of("/bench", FundingEventTypes.RECORDED, id.toString(), Instant.now(), round);
    }

    private static Histogram reads(URI base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = TestCredential.on(HttpRequest.newBuilder(base.resolve("/market/shares?by=layer"))).build();
        Histogram read = new Histogram(60_000_000L, 3);
        for (int i = 0; i < READS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.body());
            }
            read.recordValue((System.nanoTime() - start) / 1000);
        }
        return read;
    }
}
