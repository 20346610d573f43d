package io.aigcwatch.market.forecast;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.Topics;
import io.aigcwatch.events.funding.AmountPrecision;
import io.aigcwatch.events.funding.CompanyData;
import io.aigcwatch.events.funding.DatePrecision;
import io.aigcwatch.events.funding.FundingEventTypes;
import io.aigcwatch.events.funding.FundingRoundData;
import io.aigcwatch.events.funding.InvestorData;
import io.aigcwatch.events.funding.MoneyData;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestCredential;
import io.aigcwatch.testkit.TestInfra;
import io.aigcwatch.testkit.TopicReader;
import io.aigcwatch.testkit.TopicWriter;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Funding-share projections on the real broker and database: fitted on the quarterly series that recorded rounds
 * keep, refitted only for the series a round moves, and published once when a share moves past the threshold.
 * The series: five years of rounds whose money drifts from the application layer to the model layer, with a small
 * infrastructure layer.
 */
@ExtendWith(RealInfraExtension.class)
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FundingProjectionRecomputeTest implements TestPropertyProvider {
    private static final int ROUNDS_PER_CELL = 4;
    private final TestInfra infra = RealInfraExtension.forClass(FundingProjectionRecomputeTest.class);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    private TopicWriter funding;

    @Override
    public Map<String, String> getProperties() {
        return infra.testProperties();
    }

    @BeforeAll
    void recordFiveYearsOfRounds() throws Exception {
        funding = new TopicWriter(infra.bootstrapServers(), infra.topic(Topics.FUNDING_EVENTS));
        SplittableRandom noise = new SplittableRandom(15);
        int sent = 0;
        for (int year = 2020; year <= 2024; year++) {
            for (int quarter = 1; quarter <= 4; quarter++) {
                double t = year - 2020 + (quarter - 0.5) / 4;
                double[] weights = {0.10, 0.30 * Math.exp(0.25 * t), 0.60 * Math.exp(-0.05 * t)};
                double sum = weights[0] + weights[1] + weights[2];
                for (Layer layer : Layer.values()) {
                    for (int i = 0; i < ROUNDS_PER_CELL; i++) {
                        // round sizes as uneven as a real quarter's: from a quarter to four times the cell's mean
                        double usd = 100e6 * weights[layer.ordinal()] / sum / ROUNDS_PER_CELL
                                * Math.exp(Math.log(4) * (2 * noise.nextDouble() - 1));
                        List<String> contentTypes = layer == Layer.APPLICATION ? List.of(i % 2 == 0 ? "TEXT" : "IMAGE")
                                : List.of();
                        record(UUID.randomUUID(), 1, layer, i % 2 == 0 ? "US" : "CN", contentTypes,
                                LocalDate.of(year, quarter * 3 - 1, 10), usd, "Lead Capital");
                        sent++;
                    }
                }
            }
        }
        int expected = sent;
        await().atMost(Duration.ofSeconds(60)).until(() -> placedRounds() == expected);
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void eachSeriesIsProjectedTo2030WithSharesThatSumTo100InsideTheirIntervals() throws Exception {
        Map<String, Object> answer = get("/market/funding-projections");
        List<Map<String, Object>> projections = (List<Map<String, Object>>) answer.get("projections");
        assertEquals(List.of("layer", "country", "segment"), projections.stream().map(p -> p.get("dimension")).toList());
        for (Map<String, Object> projection : projections) {
            assertEquals("PROJECTED", projection.get("status"), projection.toString());
            List<Map<String, Object>> years = (List<Map<String, Object>>) projection.get("years");
            assertEquals(List.of(2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030),
                    years.stream().map(y -> ((Number) y.get("year")).intValue()).toList());
            for (Map<String, Object> year : years) {
                double total = 0;
                for (Map<String, Object> share : (List<Map<String, Object>>) year.get("shares")) {
                    double value = number(share, "share");
                    assertTrue(number(share, "low") <= value && value <= number(share, "high")
                            && number(share, "low") >= 0 && number(share, "high") <= 100, share.toString());
                    total += value;
                }
                assertEquals(100.0, total, 1e-6, year.toString());
            }
            assertEquals(20, ((Number) ((Map<String, Object>) projection.get("inputs")).get("quarters")).intValue());
            assertTrue(((Map<String, Object>) projection.get("fit")).containsKey("dispersion"));
        }
        Map<String, Object> layer2030 = share(projections.get(0), 2030, "MODEL");
        assertTrue(number(layer2030, "share") > number(share(projections.get(0), 2023, "MODEL"), "share"),
                "the model layer's money grows in the series, and so does its projected share");
        Map<String, Object> report = (Map<String, Object>) answer.get("report");
        assertEquals(3, ((List<?>) report.get("stages")).size(), "the report's three stages stand beside the data's");
        List<Map<String, Object>> comparisons = (List<Map<String, Object>>) answer.get("comparisons");
        Map<String, Object> boom = comparisons.stream().filter(c -> ((Number) c.get("reportLine")).intValue() == 33)
                .findFirst().orElseThrow();
        assertEquals("DISAGREES", boom.get("verdict"),
                "the data's application layer loses share in 2025-2027, where the report expects its boom: " + boom);
        Map<String, Object> jump = claim(comparisons, 47);
        assertEquals("DISAGREES", jump.get("verdict"), "2024 raised about what 2023 did, no jump: " + jump);
        Map<String, Object> china = claim(comparisons, 45);
        assertEquals("CANNOT_TELL", china.get("verdict"), "24 Chinese rounds a year are too few to tell: " + china);
        assertTrue(((String) china.get("observed")).contains("(24 rounds)"), china.toString());
    }

    @Test
    @Order(2)
    void aRoundRefitsOnlyTheSeriesItMoves() throws Exception {
        Map<String, Long> before = revisions();
        UUID roundId = UUID.randomUUID();
        record(roundId, 1, Layer.MODEL, "US", List.of(), LocalDate.of(2024, 11, 3), 5e6, "Lead Capital");
        await().atMost(Duration.ofSeconds(20)).until(() -> revisions().get("layer") > before.get("layer"));
        Map<String, Long> after = revisions();
        assertEquals(before.get("country") + 1, after.get("country"));
        assertEquals(before.get("segment"), after.get("segment"), "a company with no content type is in no segment series");

        record(roundId, 2, Layer.MODEL, "US", List.of(), LocalDate.of(2024, 11, 3), 5e6, "Another Lead");
        await().atMost(Duration.ofSeconds(20)).until(() -> investorCount("Another Lead") == 1);
        assertEquals(after, revisions(), "a correction of the investors alone moves no series");
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void oneLargeRoundInASmallLayerMovesItsProjectionAndIsPublishedOnce() throws Exception {
        try (TopicReader recomputed = new TopicReader(infra.bootstrapServers(), infra.topic(Topics.MARKET_PROJECTIONS))) {
            // whatever the series' intake published has been published: nothing more comes on its own
            int settled = projectionEvents(recomputed.drain(Duration.ofSeconds(3))).size();
            assertTrue(settled >= 1, "the series' arrival moved the projections from nothing");
            double was = number(share(layerProjection(), 2030, "INFRASTRUCTURE"), "share");

            record(UUID.randomUUID(), 1, Layer.INFRASTRUCTURE, "US", List.of(), LocalDate.of(2024, 12, 2), 400e6,
                    "Mega Capital");

            List<ConsumerRecord<String, String>> events = projectionEvents(recomputed.awaitRecords(
                    Duration.ofSeconds(20), records -> projectionEvents(records).size() > settled));
            assertEquals(settled + 1, projectionEvents(recomputed.drain(Duration.ofSeconds(3))).size(),
                    "one round, one event");
            Map<String, Object> data = (Map<String, Object>) json.readValue(events.get(settled).value(), Map.class)
                    .get("data");
            List<Map<String, Object>> changes = (List<Map<String, Object>>) data.get("changes");
            Map<String, Object> moved = changes.stream().filter(c -> c.get("key").equals("layer.INFRASTRUCTURE.2030"))
                    .findFirst().orElseThrow(() -> new AssertionError(changes.toString()));
            double now = number(share(layerProjection(), 2030, "INFRASTRUCTURE"), "share");
            assertTrue(now > was + 0.5, "the small layer's 2030 share rose past the threshold: " + was + " -> " + now);
            assertEquals(now, ((Number) moved.get("after")).doubleValue(), 1e-9);
            assertTrue(changes.stream().allMatch(c -> c.get("before") == null || c.get("after") == null
                    || Math.abs(((Number) c.get("after")).doubleValue() - ((Number) c.get("before")).doubleValue()) > 0.5),
                    "only moves past the threshold are news: " + changes);
            Map<String, Object> projection = layerProjection();
            List<Map<String, Object>> outliers = (List<Map<String, Object>>) projection.get("outliers");
            Map<String, Object> outlier = outliers.stream().filter(o -> "2024-Q4".equals(o.get("quarter"))).findFirst()
                    .orElseThrow(() -> new AssertionError("the mega-round's quarter is reported: " + projection));
            assertEquals("INFRASTRUCTURE", outlier.get("category"));
            assertTrue(number(outlier, "weight") < 1, "and kept less than its full weight in the fit: " + outlier);
        }
    }

    @Test
    @Order(3)
    @SuppressWarnings("unchecked")
    void aBacktestComparesTheFitUpToAYearWithTheYearsAfterIt() throws Exception {
        Map<String, Object> answer = get("/market/funding-projections/backtest?until=2022&by=layer");
        List<Map<String, Object>> backtests = (List<Map<String, Object>>) answer.get("backtests");
        assertEquals(1, backtests.size());
        Map<String, Object> layer = backtests.get(0);
        assertEquals("PROJECTED", layer.get("status"), layer.toString());
        List<Map<String, Object>> years = (List<Map<String, Object>>) layer.get("years");
        assertEquals(List.of(2023, 2024), years.stream().map(y -> ((Number) y.get("year")).intValue()).toList(),
                "the complete years after 2022 that hold rounds");
        assertTrue(number(layer, "meanAbsoluteError") < 10, layer.toString());

        for (String bad : List.of("until=abc", "until=2999", "", "until=2022&by=planet")) {
            HttpResponse<String> refused = send("/market/funding-projections/backtest?" + bad);
            assertEquals(422, refused.statusCode(), bad + ": " + refused.body());
            assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
        assertEquals(422, send("/market/funding-projections?by=" + URLEncoder.encode("<planet>",
                StandardCharsets.UTF_8)).statusCode());
    }

    private static Map<String, Object> claim(List<Map<String, Object>> comparisons, int line) {
        return comparisons.stream().filter(c -> ((Number) c.get("reportLine")).intValue() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no comparison for line " + line + ": " + comparisons));
    }

    private void record(UUID roundId, long version, Layer layer, String country, List<String> contentTypes,
                        LocalDate on, double usd, String lead) throws Exception {
        UUID companyId = UUID.nameUUIDFromBytes(roundId.toString().getBytes(StandardCharsets.UTF_8));
        CompanyData company = new CompanyData(companyId, "Co " + companyId, null, country, layer, contentTypes);
        BigDecimal value = BigDecimal.valueOf(Math.round(usd));
        FundingRoundData round = new FundingRoundData(roundId, version, company, RoundType.SERIES_A,
                new MoneyData(value, null, null, "USD", AmountPrecision.EXACT, value, null, null, BigDecimal.ONE,
                        on.withDayOfMonth(1)),
                null, on, List.of(new InvestorData(lead, true)), "test", DatePrecision.DAY);
        String type = version == 1 ? FundingEventTypes.RECORDED : FundingEventTypes.CORRECTED;
        funding.send(companyId.toString(), json.writeValueAsString(
                CloudEvent.of("/test", type, companyId.toString(), Instant.now(), round)));
    }

    private List<ConsumerRecord<String, String>> projectionEvents(List<ConsumerRecord<String, String>> records) {
        return records.stream().filter(record -> "projections.funding".equals(record.key())).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> layerProjection() throws Exception {
        return ((List<Map<String, Object>>) get("/market/funding-projections?by=layer").get("projections")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> share(Map<String, Object> projection, int year, String category) {
        return ((List<Map<String, Object>>) projection.get("years")).stream()
                .filter(y -> ((Number) y.get("year")).intValue() == year)
                .flatMap(y -> ((List<Map<String, Object>>) y.get("shares")).stream())
                .filter(share -> category.equals(share.get("category"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Long> revisions() throws Exception {
        Map<String, Map<String, Object>> series = (Map<String, Map<String, Object>>) get("/market/funding-projections")
                .get("series");
        return Map.of("layer", ((Number) series.get("layer").get("revision")).longValue(),
                "country", ((Number) series.get("country").get("revision")).longValue(),
                "segment", ((Number) series.get("segment").get("revision")).longValue());
    }

    private long placedRounds() throws Exception {
        return ((Number) get("/market/shares?by=quarter").get("count")).longValue();
    }

    @SuppressWarnings("unchecked")
    private long investorCount(String name) throws Exception {
        return ((List<Map<String, Object>>) get("/market/shares?by=investor").get("shares")).stream()
                .filter(share -> name.equals(share.get("key"))).mapToLong(share -> ((Number) share.get("count")).longValue())
                .sum();
    }

    private static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String path) throws Exception {
        HttpResponse<String> response = send(path);
        assertEquals(200, response.statusCode(), response.body());
        return json.readValue(response.body(), Map.class);
    }

    private HttpResponse<String> send(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                TestCredential.on(HttpRequest.newBuilder(server.getURI().resolve(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
