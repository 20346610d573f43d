package io.aigcwatch.gateway.stats;

import io.aigcwatch.testkit.RealInfraExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.SilentServer;
import io.aigcwatch.gateway.support.StubService;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /api/stats} in front of stubs that answer like the three services, and of services that do not. */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsTest {
    private StubService services;
    private SilentServer silent;

    @BeforeAll
    void start() {
        services = StubService.start();
        silent = SilentServer.start();
    }

    @AfterAll
    void stop() throws IOException {
        silent.close();
        services.close();
    }

    @Test
    void withEveryServiceUpTheDocumentIsWholeAndComposed() {
        try (Gateway gateway = gateway(services.url(), Map.of())) {
            Map<String, Object> stats = stats(gateway, 2_000);

            assertEquals(List.of("funding", "unicorns", "market", "degraded", "degradedReasons", "filters"),
                    List.copyOf(stats.keySet()), "every part is always named, in this order");
            Map<String, Object> none = new java.util.HashMap<>();
            for (String filter : List.of("country", "layer", "fromQuarter", "toQuarter")) {
                none.put(filter, null);
            }
            assertEquals(none, stats.get("filters"), "no filter given, each named as null");
            for (String path : List.of("/funding-stats", "/unicorn-stats", "/market/projections")) {
                assertEquals(Optional.of(""), services.lastQuery(path), path + " asked without a filter");
            }
            assertEquals(List.of(), stats.get("degraded"));
            assertEquals(Map.of(), stats.get("degradedReasons"));

            assertEquals(4, number(stats, "funding.rounds").intValue());
            assertMoney("450000000", number(stats, "funding.usdRaised"));
            assertEquals(1, number(stats, "funding.undisclosedRounds").intValue());
            assertEquals("2023-Q2", at(stats, "funding.byQuarter.1.key"));
            assertEquals("APPLICATION", at(stats, "funding.byLayer.0.key"));
            assertEquals("CN", at(stats, "funding.byCountry.1.key"));
            assertEquals("Lantern Ventures", at(stats, "funding.topInvestors.0.name"), "top investors pass through");
            assertEquals(2, number(stats, "funding.topInvestors.0.leads").intValue());

            assertEquals(12, number(stats, "unicorns.count").intValue(), "every unicorn counts, not only the top");
            assertMoney("78000000000", number(stats, "unicorns.totalValuationUsd"));
            List<?> top = (List<?>) at(stats, "unicorns.top");
            assertEquals(10, top.size());
            assertEquals("Unicorn 1", at(stats, "unicorns.top.0.name"));
            assertEquals("Unicorn 10", at(stats, "unicorns.top.9.name"));
            assertMoney("12000000000", number(stats, "unicorns.top.0.usd"));
            assertEquals("DECACORN", at(stats, "unicorns.top.0.status"));

            int thisYear = Math.max(2023, Math.min(2030, Year.now(gateway.context().getBean(Clock.class)).getValue()));
            assertEquals("BASE", at(stats, "market.scenario"));
            assertEquals(3, number(stats, "market.assumptionsVersion").intValue());
            assertMoney("2030000000", number(stats, "market.size2030.cny"));
            assertMoney("203000000", number(stats, "market.size2030.usd"));
            assertEquals(thisYear, number(stats, "market.sharesYear").intValue());
            assertMoney(Integer.toString(thisYear - 2000), number(stats, "market.shares.MAAS"));
            assertEquals(List.of("MAAS", "PAY_PER_OUTPUT", "SUBSCRIPTION", "MODEL_TRAINING", "OTHER"),
                    List.copyOf(((Map<?, ?>) at(stats, "market.shares")).keySet()));
            assertTrue(((List<?>) at(stats, "market.warnings")).contains(
                    "2027 inputs sum to 102%; renormalised proportionally to 100%"), () -> stats.toString());
        }
    }

    @Test
    void theFiltersGoToFundingAndValuationAsReadAndComeBackEchoed() {
        try (Gateway gateway = gateway(services.url(), Map.of())) {
            HttpResponse<String> response = gateway.get(
                    "/api/stats?country=cn&layer=model&fromQuarter=2023-q1&toQuarter=%202024-Q4");
            assertEquals(200, response.statusCode(), response::body);
            Map<String, Object> stats = map(gateway, response.body());

            assertEquals(Map.of("country", "CN", "layer", "MODEL", "fromQuarter", "2023-Q1", "toQuarter", "2024-Q4"),
                    stats.get("filters"), "what was applied, normalised");
            assertEquals(List.of(), stats.get("degraded"));
            String passed = "country=CN&layer=MODEL&fromQuarter=2023-Q1&toQuarter=2024-Q4";
            assertEquals(Optional.of(passed), services.lastQuery("/funding-stats"));
            assertEquals(Optional.of(passed), services.lastQuery("/unicorn-stats"));
            assertEquals(Optional.of(""), services.lastQuery("/market/projections"), "no filter narrows the market");

            Map<String, Object> layerOnly = map(gateway, gateway.get("/api/stats?layer=APPLICATION").body());
            Map<String, Object> echoed = new java.util.HashMap<>();
            echoed.put("country", null);
            echoed.put("layer", "APPLICATION");
            echoed.put("fromQuarter", null);
            echoed.put("toQuarter", null);
            assertEquals(echoed, layerOnly.get("filters"));
            assertEquals(Optional.of("layer=APPLICATION"), services.lastQuery("/funding-stats"));
        }
    }

    @Test
    void aBadFilterIsA422ProblemAndNoServiceIsAsked() {
        try (Gateway gateway = gateway(services.url(), Map.of())) {
            List<String> paths = List.of("/funding-stats", "/unicorn-stats", "/market/projections");
            List<Integer> before = paths.stream().map(services::calls).toList();

            HttpResponse<String> refused = gateway.get(
                    "/api/stats?country=ZZ&layer=ROBOTS&fromQuarter=2024-Q2&toQuarter=2024-Q1");

            assertEquals(422, refused.statusCode(), refused::body);
            assertEquals(Optional.of("application/problem+json"), refused.headers().firstValue("Content-Type"));
            Map<String, Object> problem = map(gateway, refused.body());
            assertEquals("https://aigcwatch.io/problems/invalid-request", problem.get("type"));
            assertEquals(List.of("country", "layer", "fromQuarter"), ((List<?>) problem.get("errors")).stream()
                    .map(error -> ((Map<?, ?>) error).get("field")).toList());
            assertEquals(before, paths.stream().map(services::calls).toList(), "no service was asked");

            HttpResponse<String> badQuarter = gateway.get("/api/stats?toQuarter=2024-Q5");
            assertEquals(422, badQuarter.statusCode(), badQuarter::body);
            assertEquals(before, paths.stream().map(services::calls).toList(), "no service was asked");
        }
    }

    @Test
    void eachServiceSeesTheRequestIdAndTheTraceOfTheStatsRequest() {
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        try (Gateway gateway = gateway(services.url(), Map.of())) {
            HttpResponse<String> response = gateway.send(gateway.request("/api/stats", Gateway.READ_KEY)
                    .header("X-Request-Id", "stats-1").header("traceparent", traceparent).GET().build());

            assertEquals(200, response.statusCode(), response::body);
            for (String path : List.of("/funding-stats", "/unicorn-stats", "/market/projections")) {
                assertEquals(Optional.of("stats-1"), services.lastHeader(path, "X-Request-Id"), path);
                assertEquals(Optional.of(traceparent), services.lastHeader(path, "traceparent"), path);
            }
        }
    }

    @Test
    void withMarketServiceStoppedTheRestComesWithinTwoSecondsAndMarketIsDegraded() {
        try (Gateway gateway = gateway(StubService.nobodyListening(), Map.of())) {
            Map<String, Object> stats = stats(gateway, 2_000);

            assertEquals(List.of("market"), stats.get("degraded"));
            assertEquals(Map.of("market", "unreachable"), stats.get("degradedReasons"));
            assertTrue(stats.containsKey("market"));
            assertNull(stats.get("market"));
            assertEquals(4, number(stats, "funding.rounds").intValue());
            assertEquals(12, number(stats, "unicorns.count").intValue());
        }
    }

    @Test
    void aMarketServiceThatHangsIsDegradedWhenTheStatsTimeoutPasses() {
        try (Gateway gateway = gateway(silent.url(), Map.of(
                "aigcwatch.gateway.stats.timeout", "1s",
                // longer than the stats timeout, which must win; short enough not to hold up the context's close
                "micronaut.http.services.market.read-timeout", "5s"))) {
            // the first request of a new gateway also pays for its warm-up on a busy machine
            assertEquals(Map.of("market", "timeout"), stats(gateway, 5_000).get("degradedReasons"));

            long started = System.nanoTime();
            Map<String, Object> stats = stats(gateway, 2_000);
            long millis = (System.nanoTime() - started) / 1_000_000;

            assertTrue(millis >= 900, () -> "answered after " + millis + " ms, before the timeout");
            assertEquals(List.of("market"), stats.get("degraded"));
            assertEquals(Map.of("market", "timeout"), stats.get("degradedReasons"));
            assertEquals(4, number(stats, "funding.rounds").intValue());
            assertEquals(12, number(stats, "unicorns.count").intValue());
        }
    }

    @Test
    void withEveryServiceDownItIsStill200WithEveryPartDegraded() {
        String nobody = StubService.nobodyListening();
        try (Gateway gateway = Gateway.start(Map.of("funding", nobody, "valuation", nobody, "market", nobody),
                Map.of())) {
            Map<String, Object> stats = stats(gateway, 2_000);

            assertEquals(List.of("funding", "unicorns", "market"), stats.get("degraded"));
            assertNull(stats.get("funding"));
            assertNull(stats.get("unicorns"));
            assertNull(stats.get("market"));
        }
    }

    /** The breaker that the proxy uses: once stats have found market down often enough, neither tries it. */
    @Test
    void aServiceWhoseBreakerIsOpenIsSkippedByStatsAndProxyAlike() {
        try (Gateway gateway = gateway(StubService.nobodyListening(), Map.of(
                "aigcwatch.gateway.circuit-breaker.failure-rate-percent", 100,
                "aigcwatch.gateway.circuit-breaker.minimum-calls", 2,
                "aigcwatch.gateway.circuit-breaker.window-size", 2,
                "aigcwatch.gateway.circuit-breaker.wait-in-open", "30s"))) {
            assertEquals(Map.of("market", "unreachable"), stats(gateway, 2_000).get("degradedReasons"));
            assertEquals(Map.of("market", "unreachable"), stats(gateway, 2_000).get("degradedReasons"));

            assertEquals(Map.of("market", "circuit-open"), stats(gateway, 2_000).get("degradedReasons"));
            HttpResponse<String> proxied = gateway.get("/api/market/projections");
            assertEquals(503, proxied.statusCode(), proxied::body);
            assertEquals(Optional.of("30"), proxied.headers().firstValue("Retry-After"));
        }
    }

    @Test
    void theSharesYearIsHeldWithinTheProjectionAndSaysSo() {
        MarketProjection projection = new MarketProjection(1, "BASE", java.util.stream.IntStream.rangeClosed(2023, 2030)
                .mapToObj(year -> new MarketProjection.Year(year, BigDecimal.valueOf(year), BigDecimal.ONE,
                        Map.of("MAAS", BigDecimal.valueOf(year - 2000)))).toList(), List.of());

        StatsDocument.Market later = StatsDocument.Market.of(projection, 2034);
        StatsDocument.Market earlier = StatsDocument.Market.of(projection, 2019);

        assertEquals(2030, later.sharesYear());
        assertEquals(BigDecimal.valueOf(30), later.shares().get("MAAS"));
        assertEquals(List.of("shares are of 2030: this year, 2034, lies outside the projection's 2023-2030"),
                later.warnings());
        assertEquals(2023, earlier.sharesYear());
        assertEquals(BigDecimal.valueOf(2030), earlier.size2030().cny());
    }

    private Gateway gateway(String marketUrl, Map<String, Object> more) {
        return Gateway.start(Map.of("funding", services.url(), "valuation", services.url(), "market", marketUrl), more);
    }

    private static Map<String, Object> stats(Gateway gateway, long withinMillis) {
        long started = System.nanoTime();
        HttpResponse<String> response = gateway.get("/api/stats");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(200, response.statusCode(), response::body);
        assertTrue(millis < withinMillis, () -> "took " + millis + " ms");
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
        return map(gateway, response.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Gateway gateway, String body) {
        try {
            return gateway.context().getBean(JsonMapper.class).readValue(body, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> document, String path) {
        Object current = document;
        for (String part : path.split("\\.")) {
            current = current instanceof List<?> list ? list.get(Integer.parseInt(part))
                    : ((Map<String, Object>) current).get(part);
        }
        return current;
    }

    private static Number number(Map<String, Object> document, String path) {
        return (Number) at(document, path);
    }

    private static void assertMoney(String expected, Number actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())),
                () -> "expected " + expected + " but was " + actual);
    }
}
