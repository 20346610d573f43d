package io.aigcwatch.market.shares;

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
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestCredential;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Share tables and projections export as CSV when asked for by Accept, JSON staying the default; a bucket's key
 * can be an investor's name, so it goes through the suite's formula guard.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketCsvTest implements TestPropertyProvider {
    private static final String HOSTILE_LEAD = "=HYPERLINK(\"http://evil.example\")";

    private final TestInfra infra = RealInfraExtension.forClass(MarketCsvTest.class);
    private final HttpClient client = HttpClient.newHttpClient();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    @Test
    void sharesExportAsGuardedCsvWithOneRowPerBucket() throws Exception {
        UUID company = UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            FundingRoundData round = round(company);
            CloudEvent<FundingRoundData> event = CloudEvent.of("/test", FundingEventTypes.RECORDED,
                    company.toString(), Instant.now(), round);
            producer.send(new ProducerRecord<>(infra.topic(Topics.FUNDING_EVENTS), company.toString(),
                    json.writeValueAsString(event))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/market/shares?by=lead", "text/csv").body()
                .contains("'" + HOSTILE_LEAD.replace("\"", "\"\"")));

        HttpResponse<String> byLead = get("/market/shares?by=lead", "text/csv");
        assertEquals(Optional.of("attachment; filename=\"market-shares-funding-by-lead.csv\""),
                byLead.headers().firstValue("Content-Disposition"));
        CSVRecord lead = rows(byLead.body()).stream().filter(row -> row.get("key").equals("'" + HOSTILE_LEAD))
                .findFirst().orElseThrow(() -> new AssertionError(byLead.body()));
        assertEquals("1", lead.get("count"));
        assertEquals(0, new BigDecimal("250000000").compareTo(new BigDecimal(lead.get("usd"))), lead.get("usd"));

        List<CSVRecord> byLayer = rows(get("/market/shares?by=layer", "text/csv").body());
        assertTrue(byLayer.stream().anyMatch(row -> row.get("key").equals("MODEL")), byLayer::toString);
        assertTrue(get("/market/shares?by=layer", "application/json").body().startsWith("{"), "JSON stays the default");
    }

    @Test
    void aProjectionExportsOneRowPerYear() throws IOException {
        HttpResponse<String> csv = get("/market/projections?from=2024&to=2026", "text/csv");

        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals(Optional.of("attachment; filename=\"market-projections-base.csv\""),
                csv.headers().firstValue("Content-Disposition"));
        List<CSVRecord> years = rows(csv.body());
        assertEquals(List.of("2024", "2025", "2026"), years.stream().map(row -> row.get("year")).toList());
        BigDecimal shares = BigDecimal.ZERO;
        for (String column : List.of("share_maas_pct", "share_pay_per_output_pct", "share_subscription_pct",
                "share_model_training_pct", "share_other_pct")) {
            shares = shares.add(new BigDecimal(years.get(0).get(column)));
        }
        assertEquals(0, BigDecimal.valueOf(100).compareTo(shares), "a year's shares sum to 100: " + shares);
    }

    private static FundingRoundData round(UUID companyId) {
        BigDecimal usd = new BigDecimal("250000000");
        return new FundingRoundData(UUID.randomUUID(), 1,
                new CompanyData(companyId, "Csv Co", null, "US", Layer.MODEL, List.of("TEXT")), RoundType.SERIES_A,
                new MoneyData(usd, null, null, "USD", AmountPrecision.EXACT, usd, null, null, BigDecimal.ONE,
                        LocalDate.of(2024, 1, 1)),
                null, LocalDate.of(2024, 2, 2), List.of(new InvestorData(HOSTILE_LEAD, true)), "test");
    }

    private HttpResponse<String> get(String path, String accept) {
        try {
            return client.send(TestCredential.on(HttpRequest.newBuilder(server.getURI().resolve(path)))
                    .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<CSVRecord> rows(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
                .getRecords();
    }
}
