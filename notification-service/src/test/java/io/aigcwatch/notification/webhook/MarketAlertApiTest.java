package io.aigcwatch.notification.webhook;

import io.aigcwatch.events.market.MarketCriteria;
import io.aigcwatch.notification.support.NotificationService;
import io.aigcwatch.notification.support.WebhookApi;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registering webhooks of market recomputes: MARKET_RECOMPUTED with the scopes wanted, shown as stored, bad ones named. */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketAlertApiTest {
    private static final String ALICE = "alice;read";

    private TestInfra infra;
    private NotificationService service;
    private WebhookApi api;

    @BeforeAll
    void start(TestInfra infra) {
        this.infra = infra;
        service = NotificationService.start(infra, Map.of());
        api = new WebhookApi(service);
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void aMarketWebhookIsShownWithItsScopesNormalisedAndTheOtherKindsFiltersNull() {
        Map<String, Object> created = api.register(ALICE, """
                {"url": "https://1.1.1.1/hooks/market", "events": "market_recomputed",
                 "marketScopes": ["projections.funding", " PROJECTIONS.Funding ", "shares"]}""");
        assertEquals("MARKET_RECOMPUTED", created.get("events"));
        assertEquals(List.of("projections.funding", "shares"), created.get("marketScopes"));
        assertTrue(created.containsKey("filters") && created.get("filters") == null, created::toString);
        assertTrue(created.containsKey("roundFilters") && created.get("roundFilters") == null, created::toString);
        assertEquals(created.get("marketScopes"), api.webhook(ALICE, created.get("id")).get("marketScopes"));

        Map<String, Object> everyScope = api.register(ALICE, """
                {"url": "https://1.1.1.1/hooks/all-market", "events": "MARKET_RECOMPUTED"}""");
        assertEquals(List.of(), everyScope.get("marketScopes"));

        Map<String, Object> valuations = api.register(ALICE, "{\"url\": \"https://1.1.1.1/hooks/valuations\"}");
        assertTrue(valuations.containsKey("marketScopes") && valuations.get("marketScopes") == null);
        assertTrue(valuations.get("filters") instanceof Map, valuations::toString);
    }

    @Test
    void unknownScopesAnUnknownKindAndFiltersOfAnotherKindAreNamedInA422AndNothingIsStored() throws SQLException {
        long before = webhookRows();
        HttpResponse<String> scopes = api.post(ALICE, "/webhooks", """
                {"url": "https://1.1.1.1/hooks/bad", "events": "MARKET_RECOMPUTED",
                 "marketScopes": ["proj", " ", "shares.funding", null, "%s"]}""".formatted("x".repeat(201)));
        assertEquals(422, scopes.statusCode(), scopes::body);
        assertEquals(Optional.of("application/problem+json"), scopes.headers().firstValue("Content-Type"));
        for (int i = 0; i < 5; i++) {
            String field = "marketScopes[" + i + "]";
            assertTrue(scopes.body().contains("\"field\":\"" + field + "\""), () -> field + " in " + scopes.body());
        }
        assertTrue(scopes.body().contains(MarketCriteria.SCOPES.toString()), scopes::body);

        HttpResponse<String> unknown = api.post(ALICE, "/webhooks", """
                {"url": "https://1.1.1.1/hooks/x", "events": "MARKET", "marketScopes": ["shares"]}""");
        assertEquals(422, unknown.statusCode(), unknown::body);
        assertTrue(unknown.body().contains("\"field\":\"events\""), unknown::body);
        assertTrue(unknown.body().contains("MARKET_RECOMPUTED"), unknown::body);

        HttpResponse<String> scopesOnRounds = api.post(ALICE, "/webhooks", """
                {"url": "https://1.1.1.1/hooks/x", "events": "NEW_ROUNDS", "marketScopes": ["shares"]}""");
        assertEquals(422, scopesOnRounds.statusCode(), scopesOnRounds::body);
        assertTrue(scopesOnRounds.body().contains("\"field\":\"marketScopes\""), scopesOnRounds::body);

        HttpResponse<String> otherFilters = api.post(ALICE, "/webhooks", """
                {"url": "https://1.1.1.1/hooks/x", "events": "MARKET_RECOMPUTED",
                 "roundFilters": {"countries": ["CN"]}, "filters": {"unicornOnly": true}}""");
        assertEquals(422, otherFilters.statusCode(), otherFilters::body);
        assertTrue(otherFilters.body().contains("\"field\":\"roundFilters\""), otherFilters::body);
        assertTrue(otherFilters.body().contains("\"field\":\"filters\""), otherFilters::body);
        assertEquals(before, webhookRows());
    }

    private long webhookRows() throws SQLException {
        return infra.queryLong("select count(*) from notification.webhook");
    }
}
