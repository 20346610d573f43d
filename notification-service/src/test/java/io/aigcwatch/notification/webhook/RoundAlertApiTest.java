package io.aigcwatch.notification.webhook;

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
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Registering round alerts: a webhook of NEW_ROUNDS with round filters, shown as stored, and every bad field named. */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundAlertApiTest {
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
    void aRoundAlertIsAWebhookOfNewRoundsShownWithItsFiltersNormalised() {
        Map<String, Object> created = api.register(ALICE, """
                {"url": "https://1.1.1.1/hooks/rounds", "events": "new_rounds",
                 "roundFilters": {"companies": [" Zhipu AI "], "investors": ["Sequoia China"], "countries": ["cn"],
                                  "layers": ["model", "MODEL"], "segments": ["base_model"],
                                  "roundTypes": ["series_b", "SERIES_C"], "minUsd": 1e8}}""");

        assertEquals("NEW_ROUNDS", created.get("events"));
        assertTrue(created.containsKey("filters") && created.get("filters") == null, created::toString);
        Map<String, Object> expected = new HashMap<>(Map.of("companies", List.of("Zhipu AI"),
                "investors", List.of("Sequoia China"), "countries", List.of("CN"), "layers", List.of("MODEL"),
                "segments", List.of("BASE_MODEL"), "roundTypes", List.of("SERIES_B", "SERIES_C")));
        expected.put("minUsd", 100000000);
        expected.put("includeImported", false);
        assertEquals(expected, created.get("roundFilters"));
        assertEquals(created.get("roundFilters"), api.webhook(ALICE, created.get("id")).get("roundFilters"));

        Map<String, Object> everyRound = api.register(ALICE, """
                {"url": "https://1.1.1.1/hooks/all-rounds", "events": "NEW_ROUNDS"}""");
        Map<String, Object> none = new HashMap<>(Map.of("companies", List.of(), "investors", List.of(),
                "countries", List.of(), "layers", List.of(), "segments", List.of(), "roundTypes", List.of()));
        none.put("minUsd", null);
        none.put("includeImported", false);
        assertEquals(none, everyRound.get("roundFilters"));

        Map<String, Object> valuations = api.register(ALICE, "{\"url\": \"https://1.1.1.1/hooks/valuations\"}");
        assertEquals("VALUATION_CHANGES", valuations.get("events"), "what a webhook is when it does not say");
        assertTrue(valuations.containsKey("roundFilters") && valuations.get("roundFilters") == null);
    }

    @Test
    void importedRoundsAreLeftOutUnlessAskedForAndAFilterStoredBeforeTheOptionLeavesThemOut() throws SQLException {
        Map<String, Object> withImports = api.register(ALICE, """
                {"url": "https://1.1.1.1/hooks/with-imports", "events": "NEW_ROUNDS",
                 "roundFilters": {"countries": ["JP"], "includeImported": true}}""");
        assertEquals(true, roundFilters(withImports).get("includeImported"));
        assertEquals(true, roundFilters(api.webhook(ALICE, withImports.get("id"))).get("includeImported"),
                "stored with the other filters");
        Map<String, Object> explicitNo = api.register(ALICE, """
                {"url": "https://1.1.1.1/hooks/no-imports", "events": "NEW_ROUNDS",
                 "roundFilters": {"includeImported": null}}""");
        assertEquals(false, roundFilters(explicitNo).get("includeImported"), "null is the default");

        // a round alert registered before the option existed has no such key in its jsonb filters
        try (Connection connection = infra.connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("update notification.webhook set round_filters = round_filters - 'includeImported'"
                    + " where id = '" + withImports.get("id") + "'");
        }
        assertEquals(0, infra.queryLong("select count(*) from notification.webhook where id = '" + withImports.get("id")
                + "' and round_filters ? 'includeImported'"));
        Map<String, Object> older = roundFilters(api.webhook(ALICE, withImports.get("id")));
        assertEquals(false, older.get("includeImported"), older::toString);
        assertEquals(List.of("JP"), older.get("countries"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> roundFilters(Map<String, Object> webhook) {
        return (Map<String, Object>) webhook.get("roundFilters");
    }

    @Test
    void everyBadRoundFilterIsNamedInOne422AndNothingIsStored() throws SQLException {
        long before = webhookRows();
        String tooMany = IntStream.rangeClosed(0, WebhookRequestValidator.MAX_FILTER_VALUES)
                .mapToObj(i -> "\"Investor " + i + "\"").collect(Collectors.joining(","));
        HttpResponse<String> response = api.post(ALICE, "/webhooks", """
                {"url": "https://1.1.1.1/hooks/bad", "events": "NEW_ROUNDS",
                 "roundFilters": {"companies": [" "], "investors": [%s], "countries": ["China"],
                                  "layers": ["ROBOTS"], "segments": ["base model", "MULTIMODAL"], "roundTypes": ["SERIES_Z"],
                                  "minUsd": -5, "includeImported": "yes"}}""".formatted(tooMany));

        assertEquals(422, response.statusCode(), response::body);
        assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"));
        for (String field : List.of("roundFilters.companies[0]", "roundFilters.investors", "roundFilters.countries[0]",
                "roundFilters.layers[0]", "roundFilters.segments[0]", "roundFilters.segments[1]", "roundFilters.roundTypes[0]",
                "roundFilters.minUsd", "roundFilters.includeImported")) {
            assertTrue(response.body().contains("\"field\":\"" + field + "\""), () -> field + " in " + response.body());
        }
        assertEquals(before, webhookRows());
    }

    @Test
    void filtersOfTheOtherKindAndAnUnknownKindAreRefused() throws SQLException {
        long before = webhookRows();
        HttpResponse<String> unknown = api.post(ALICE, "/webhooks", """
                {"url": "https://1.1.1.1/hooks/x", "events": "ROUNDS"}""");
        assertEquals(422, unknown.statusCode(), unknown::body);
        assertTrue(unknown.body().contains("\"field\":\"events\""), unknown::body);
        assertTrue(unknown.body().contains("NEW_ROUNDS"), unknown::body);

        HttpResponse<String> valuationFilters = api.post(ALICE, "/webhooks", """
                {"url": "https://1.1.1.1/hooks/x", "events": "NEW_ROUNDS", "filters": {"unicornOnly": true}}""");
        assertEquals(422, valuationFilters.statusCode(), valuationFilters::body);
        assertTrue(valuationFilters.body().contains("\"field\":\"filters\""), valuationFilters::body);

        HttpResponse<String> roundFilters = api.post(ALICE, "/webhooks", """
                {"url": "https://1.1.1.1/hooks/x", "roundFilters": {"countries": ["CN"]}}""");
        assertEquals(422, roundFilters.statusCode(), roundFilters::body);
        assertTrue(roundFilters.body().contains("\"field\":\"roundFilters\""), roundFilters::body);
        assertEquals(before, webhookRows());
    }

    private long webhookRows() throws SQLException {
        return infra.queryLong("select count(*) from notification.webhook");
    }
}
