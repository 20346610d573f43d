package io.aigcwatch.valuation.bench;

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
import io.aigcwatch.testkit.InfraMode;
import io.aigcwatch.testkit.TopicWatch;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Measures the delay from a funding event sent to Kafka to its {@code valuation.changed} on Kafka, at a fixed
 * rate, everything on this machine with durable PostgreSQL. Each event values a new company, so each yields one
 * change. Run with {@code mvn -B -q -Pbenchmark -pl valuation-service -am verify -DskipTests}; the report is
 * printed and written to {@code valuation-service/target/benchmark.txt}.
 */
public final class ValuationBenchmark {
    private static final int RATE = Integer.getInteger("bench.rate", 200);
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 10));
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("aigcwatch-valuation-bench");
        try (Servers servers = InfraMode.fromEnvironment().start(home, Servers.Ports.ANY, true)) {
            servers.postgres().ensureDatabase("bench");
            Map<String, Object> properties = new HashMap<>(servers.serviceProperties("bench", ""));
            properties.put("micronaut.server.port", -1);
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
                 KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                         ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafka().bootstrapServers(),
                         ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer());
                 TopicWatch watch = new TopicWatch(servers.kafka().bootstrapServers(), Topics.VALUATION_CHANGES,
                         record -> record.key())) {
                JsonMapper json = server.getApplicationContext().getBean(JsonMapper.class);
                send(producer, json, WARMUP, new ConcurrentHashMap<>());
                Map<String, Long> sentAt = new ConcurrentHashMap<>();
                int sent = send(producer, json, MEASURE, sentAt);
                Histogram lag = watch.lagAfter(sentAt, Duration.ofMinutes(2));
                String report = String.format("valuation-service benchmark, %d cores, Java %s, %s servers, durable PostgreSQL%n"
                                + "funding.recorded on Kafka to valuation.changed on Kafka at %d events/s for %d s (%d events): "
                                + "p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                        Runtime.getRuntime().availableProcessors(), Runtime.version(), InfraMode.fromEnvironment(),
                        RATE, MEASURE.toSeconds(), sent, lag.getValueAtPercentile(50) / 1000.0,
                        lag.getValueAtPercentile(99) / 1000.0, lag.getMaxValue() / 1000.0);
                System.out.print(report);
                Path out = Path.of("target", "benchmark.txt");
                Files.createDirectories(out.getParent());
                Files.writeString(out, report);
            }
        }
    }

    /** Sends at a fixed rate; each event values a new company at USD 1.5B, which makes it a unicorn. */
    private static int send(KafkaProducer<String, String> producer, JsonMapper json, Duration duration,
                            Map<String, Long> sentAt) throws Exception {
        long interval = 1_000_000_000L / RATE;
        long start = System.nanoTime();
        int total = (int) (RATE * duration.toSeconds());
        for (int i = 0; i < total; i++) {
            long wait = start + i * interval - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            UUID companyId = UUID.randomUUID();
            String event = unicornRound(json, companyId);
            sentAt.put(companyId.toString(), System.nanoTime());
            producer.send(new ProducerRecord<>(Topics.FUNDING_EVENTS, companyId.toString(), event));
        }
        producer.flush();
        return total;
    }

    /** A funding event that values a new company at USD 1.5B, which makes it a unicorn. */
    static String unicornRound(JsonMapper json, UUID companyId) throws java.io.IOException {
        return round(json, companyId, UUID.randomUUID(), "1500000000", LocalDate.of(2024, 1, 15));
    }

    /**
     * A funding event that values the company at {@code valuationUsd} on {@code announced}. Its lists are not
     * empty: the default JSON mapper leaves empty lists out, and the consumer would park the event.
     */
    static String round(JsonMapper json, UUID companyId, UUID roundId, String valuationUsd, LocalDate announced)
            throws java.io.IOException {
        CompanyData company = new CompanyData(companyId, "Bench " + companyId, null, "US", Layer.MODEL,
                List.of("TEXT"));
        BigDecimal valuation = new BigDecimal(valuationUsd);
        FundingRoundData round = new FundingRoundData(roundId, 1, company, RoundType.SERIES_C,
                new MoneyData(null, null, null, "USD", AmountPrecision.UNDISCLOSED, null, null, null, null, null),
                new MoneyData(valuation, null, null, "USD", AmountPrecision.EXACT, valuation, null, null,
                        BigDecimal.ONE, announced.withDayOfMonth(1)),
                announced, List.of(new InvestorData("Bench Capital", true)), "benchmark");
        return json.writeValueAsString(CloudEvent.of("/bench", FundingEventTypes.RECORDED,
                companyId.toString(), Instant.now(), round));
    }
}
