package io.aigcwatch.gateway.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The three answers that {@code /api/stats} composes, shaped exactly as the real services write them (every field,
 * null or not, as their {@code inclusion: ALWAYS} serialisation does). Each figure is made from its year or rank, so
 * that a test can tell which one the gateway picked.
 */
@Requires(property = StubService.ENABLED, value = "true")
@Controller
final class StatsStubController {
    /** Twelve unicorns: the gateway must count all twelve and show the top ten. */
    static final int UNICORNS = 12;

    private final StubCalls calls;

    StatsStubController(StubCalls calls) {
        this.calls = calls;
    }

    /** funding-service's FundingStats. */
    @Get(value = "/funding-stats", produces = MediaType.APPLICATION_JSON)
    String fundingStats(HttpRequest<?> request) {
        calls.received(request);
        return """
                {"rounds":4,"approximateRounds":2,"undisclosedRounds":1,"usdRaised":450000000,\
                "usdRaisedBasis":"the sum of disclosed amounts in USD at each round's announcement-month rate",\
                "byQuarter":[{"key":"2023-Q1","rounds":1,"approximateRounds":0,"undisclosedRounds":0,"usdRaised":100000000},\
                {"key":"2023-Q2","rounds":3,"approximateRounds":2,"undisclosedRounds":1,"usdRaised":350000000}],\
                "byLayer":[{"key":"APPLICATION","rounds":1,"approximateRounds":1,"undisclosedRounds":0,"usdRaised":300000000},\
                {"key":"MODEL","rounds":3,"approximateRounds":1,"undisclosedRounds":1,"usdRaised":150000000}],\
                "byCountry":[{"key":"US","rounds":2,"approximateRounds":2,"undisclosedRounds":0,"usdRaised":350000000},\
                {"key":"CN","rounds":2,"approximateRounds":0,"undisclosedRounds":1,"usdRaised":100000000}],\
                "topInvestors":[{"id":"5a1e3c52-0000-3000-8000-000000000001","name":"Lantern Ventures","rounds":3,\
                "leads":2,"roundsUsd":400000000}]}""";
    }

    /**
     * valuation-service's UnicornStats: twelve unicorns, rank r (1 = largest) valued at USD (13 - r) billion, so
     * USD 78 billion together; like the service, it names only the largest ten.
     */
    @Get(value = "/unicorn-stats", produces = MediaType.APPLICATION_JSON)
    String unicornStats(HttpRequest<?> request) {
        calls.received(request);
        String top = IntStream.rangeClosed(1, 10).mapToObj(rank -> """
                {"companyId":"00000000-0000-0000-0000-%012d","name":"Unicorn %d","localName":null,"country":"CN",\
                "layer":"MODEL","usd":%d000000000.00,"asOf":"2023-06-01","basis":"ROUND","status":"%s",\
                "joinedOn":"2023-06-01"}""".formatted(rank, rank, UNICORNS + 1 - rank,
                UNICORNS + 1 - rank >= 10 ? "DECACORN" : "UNICORN")).collect(Collectors.joining(","));
        long total = IntStream.rangeClosed(1, UNICORNS).mapToLong(rank -> UNICORNS + 1 - rank).sum();
        return "{\"count\":" + UNICORNS + ",\"totalValuationUsd\":" + total + "000000000.00,\"top\":[" + top + "]}";
    }

    /** market-service's Projection: year y has MAAS share y - 2000 percent and size y million CNY. */
    @Get(value = "/market/projections", produces = MediaType.APPLICATION_JSON)
    String projections(HttpRequest<?> request) {
        calls.received(request);
        String years = IntStream.rangeClosed(2023, 2030).mapToObj(year -> """
                {"year":%d,"sizeCny":%d000000.00,"sizeUsd":%d00000.00,"shares":{"MAAS":%d.00,"PAY_PER_OUTPUT":10.00,\
                "SUBSCRIPTION":10.00,"MODEL_TRAINING":10.00,"OTHER":%d.00},"stages":["stage of %d"]}"""
                .formatted(year, year, year, year - 2000, 70 - (year - 2000), year)).collect(Collectors.joining(","));
        return "{\"assumptionsVersion\":3,\"scenario\":\"BASE\",\"interpolation\":\"LOGISTIC\","
                + "\"impliedCagrPct\":{\"2023-2030\":87.12},\"years\":[" + years + "],"
                + "\"warnings\":[\"2027 inputs sum to 102%; renormalised proportionally to 100%\"]}";
    }
}
