package io.aigcwatch.contract.client;

import io.aigcwatch.client.ApiClient;
import io.aigcwatch.client.ApiException;
import io.aigcwatch.client.api.FundingApi;
import io.aigcwatch.client.api.SuiteApi;
import io.aigcwatch.client.api.ValuationsApi;
import io.aigcwatch.client.model.AmountPrecision;
import io.aigcwatch.client.model.CompanyInput;
import io.aigcwatch.client.model.Decimal;
import io.aigcwatch.client.model.InvestorInput;
import io.aigcwatch.client.model.Layer;
import io.aigcwatch.client.model.MoneyInput;
import io.aigcwatch.client.model.Round;
import io.aigcwatch.client.model.RoundRequest;
import io.aigcwatch.client.model.RoundType;
import io.aigcwatch.client.model.Stats;
import io.aigcwatch.client.model.StatsFilters;
import io.aigcwatch.client.model.Unicorn;
import io.aigcwatch.client.model.UnicornList;
import io.aigcwatch.testkit.stack.LocalStackExtension;
import io.aigcwatch.testkit.stack.LocalStackRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java client that openapi-generator makes from the gateway's document, used as a client's developer would,
 * against the real local stack: if the document and the API disagree, a call here fails to (de)serialise or 404s.
 */
@ExtendWith(LocalStackExtension.class)
class GeneratedClientSmokeTest {
    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    @Test
    void recordARoundReadItBackListUnicornsAndReadStats(LocalStackRun stack) throws ApiException {
        ApiClient client = client(stack, stack.adminKey());
        FundingApi funding = new FundingApi(client);

        Round recorded = funding.recordRound(moonshotSeriesB(), "api-tests-moonshot-b");

        assertNotNull(recorded.getId());
        assertEquals("Moonshot AI", recorded.getCompany().getName());
        assertEquals(0, new BigDecimal("1000000000").compareTo(recorded.getAmount().getUsd()),
                () -> "a USD amount is its own USD value: " + recorded.getAmount());
        Round readBack = funding.getRound(recorded.getId());
        assertEquals(recorded.getId(), readBack.getId());
        assertEquals(LocalDate.of(2024, 2, 19), readBack.getAnnouncedOn());
        assertEquals(recorded.getVersion(), readBack.getVersion());

        // the post-money valuation of USD 2.5 billion makes Moonshot AI a unicorn, once valuation-service has it
        ValuationsApi valuations = new ValuationsApi(client);
        UnicornList unicorns = await().atMost(PROPAGATION).until(() -> valuations.listUnicorns("CN", null, null, null),
                list -> list.getItems().stream().map(Unicorn::getName).anyMatch("Moonshot AI"::equals));
        assertTrue(unicorns.getCount() >= 1, unicorns::toString);
        UnicornList largest = valuations.listUnicorns(null, null, null, 1);
        assertEquals(1, largest.getItems().size(), largest::toString);
        assertTrue(largest.getCount() >= unicorns.getCount(), "the count still counts every unicorn");

        SuiteApi suite = new SuiteApi(client);
        Stats stats = suite.getStats(null, null, null, null);
        assertEquals(List.of(), stats.getDegraded(), stats::toString);
        assertNotNull(stats.getFunding(), stats::toString);
        assertEquals(new StatsFilters(), stats.getFilters(), "no filter applied, each named as null");

        // the round is Chinese, of the model layer, announced in 2024-Q1
        Stats narrowed = suite.getStats("cn", Layer.MODEL, "2024-Q1", "2024-Q1");
        assertEquals(List.of(), narrowed.getDegraded(), narrowed::toString);
        assertEquals("CN", narrowed.getFilters().getCountry());
        assertEquals(StatsFilters.LayerEnum.MODEL, narrowed.getFilters().getLayer());
        assertEquals("2024-Q1", narrowed.getFilters().getFromQuarter());
        assertTrue(((Number) ((Map<?, ?>) narrowed.getFunding()).get("rounds")).longValue() >= 1,
                narrowed::toString);
    }

    @Test
    void aRefusalArrivesAsAnApiExceptionWithTheProblemDocument(LocalStackRun stack) {
        FundingApi readOnly = new FundingApi(client(stack, stack.readKey()));

        ApiException refused = assertThrows(ApiException.class,
                () -> readOnly.recordRound(moonshotSeriesB(), null));

        assertEquals(403, refused.getCode());
        assertTrue(refused.getResponseHeaders().firstValue("Content-Type").orElse("")
                .startsWith("application/problem+json"), () -> refused.getResponseHeaders().map().toString());
    }

    private static ApiClient client(LocalStackRun stack, String key) {
        ApiClient client = new ApiClient();
        URI gateway = stack.gateway();
        client.updateBaseUri(gateway.toString());
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> request.header("X-API-Key", key));
        return client;
    }

    private static RoundRequest moonshotSeriesB() {
        return new RoundRequest()
                .company(new CompanyInput().name("Moonshot AI").localName("月之暗面").country("CN")
                        .layer(Layer.MODEL).segments(List.of("TEXT")))
                .round(RoundType.SERIES_B)
                .amount(new MoneyInput().value(new Decimal("1000000000")).currency("USD")
                        .precision(AmountPrecision.APPROXIMATE))
                .postMoneyValuation(new MoneyInput().value(new Decimal("2500000000")).currency("USD"))
                .announcedOn(LocalDate.of(2024, 2, 19))
                .investors(List.of(new InvestorInput().name("Alibaba").lead(true)))
                .source(URI.create("https://example.org/moonshot-series-b"));
    }
}
