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
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11, item 1: every number, string, list and page parameter of the webhook API has a bound, and a value out of
 * it is a 4xx problem+json naming the field, before any work (nothing stored, nothing looked up), never a 5xx.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookBoundsTest {
    private static final String ALICE = "alice;read";

    private TestInfra infra;
    private NotificationService service;
    private WebhookApi api;
    private String id;

    @BeforeAll
    void start(TestInfra infra) {
        this.infra = infra;
        service = NotificationService.start(infra, Map.of());
        api = new WebhookApi(service);
        id = (String) api.register(ALICE, "{\"url\": \"https://1.1.1.1/bounds\"}").get("id");
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void outOfBoundsBodiesNameTheFieldAndStoreNothing() throws SQLException {
        long before = webhookRows();
        assertRefused("url", () -> register("{\"url\": \"https://1.1.1.1/" + "a".repeat(2100) + "\"}"));
        assertRefused("secret", () -> register("{\"url\": \"https://1.1.1.1/s\", \"secret\": \"whsec_"
                + "QUFB".repeat(5000) + "\"}"));
        assertRefused("description", () -> register("{\"url\": \"https://1.1.1.1/d\", \"description\": \""
                + "d".repeat(501) + "\"}"));
        assertRefused("filters.companies", () -> register(filters("\"companies\": " + strings(101, "Acme"))));
        assertRefused("filters.countries", () -> register(filters("\"countries\": " + strings(101, "CN"))));
        assertRefused("filters.layers", () -> register(filters("\"layers\": " + strings(101, "MODEL"))));
        assertRefused("filters.companies[0]", () -> register(filters("\"companies\": [\"" + "c".repeat(201) + "\"]")));
        assertRefused("filters.countries[0]", () -> register(filters("\"countries\": [\"" + "C".repeat(5000) + "\"]")));
        assertRefused("filters.layers[0]", () -> register(filters("\"layers\": [\"" + "L".repeat(5000) + "\"]")));
        assertRefused("filters.minChangePct", () -> register(filters("\"minChangePct\": 100001")));
        assertRefused("filters.minChangePct", () -> register(filters("\"minChangePct\": 1e1000000000")));
        assertRefused("filters.minChangePct", () -> register(filters("\"minChangePct\": 1e-100000")));
        assertRefused("filters.minChangePct", () -> register(filters("\"minChangePct\": 5.123")));
        assertRefused("filters.minChangePct", () -> register(filters("\"minChangePct\": -0.01")));
        assertEquals(before, webhookRows());
    }

    @Test
    void pathIdsThatCannotBeWebhookIdsAreNamed() {
        for (String bad : List.of("not-a-uuid", "x".repeat(3000), "00000000-0000-0000-0000-0000000000000")) {
            assertRefused("id", () -> api.get(ALICE, "/webhooks/" + bad));
            assertRefused("id", () -> api.delete(ALICE, "/webhooks/" + bad));
            assertRefused("id", () -> api.post(ALICE, "/webhooks/" + bad + "/reactivate", ""));
            assertRefused("id", () -> api.get(ALICE, "/webhooks/" + bad + "/deliveries"));
        }
    }

    @Test
    void pageParametersOutOfBoundsAreNamed() {
        String deliveries = "/webhooks/" + id + "/deliveries";
        for (String limit : List.of("0", "201", "-1", "abc", "1e2", "99999999999999999999", "2147483648")) {
            assertRefused("limit", () -> api.get(ALICE, deliveries + "?limit=" + limit));
        }
        for (String cursor : List.of("%25%25", "A".repeat(33), "MTIz" + "!".repeat(10))) {
            assertRefused("cursor", () -> api.get(ALICE, deliveries + "?cursor=" + cursor));
        }
        assertEquals(200, api.get(ALICE, deliveries + "?limit=200").statusCode());
        assertEquals(200, api.get(ALICE, deliveries + "?limit=1").statusCode());
    }

    @Test
    void valuesAtTheirBoundsAreAccepted() {
        Map<String, Object> created = api.register("edge;read", """
                {"url": "https://1.1.1.1/%s", "description": "%s",
                 "filters": {"companies": %s, "countries": ["CN"], "layers": ["MODEL"], "minChangePct": 100000}}"""
                .formatted("a".repeat(2000), "d".repeat(500), strings(100, "c".repeat(200))));

        assertEquals(100000, ((Map<?, ?>) created.get("filters")).get("minChangePct"));
        assertEquals(1, ((List<?>) ((Map<?, ?>) created.get("filters")).get("companies")).size());
        Map<String, Object> precise = api.register("edge;read", filters("\"minChangePct\": 12.5"));
        assertEquals(12.5, ((Map<?, ?>) precise.get("filters")).get("minChangePct"));
    }

    private HttpResponse<String> register(String body) {
        return api.post(ALICE, "/webhooks", body);
    }

    private static String filters(String filters) {
        return "{\"url\": \"https://1.1.1.1/f\", \"filters\": {" + filters + "}}";
    }

    private static String strings(int count, String value) {
        return "[" + String.join(", ", Collections.nCopies(count, "\"" + value + "\"")) + "]";
    }

    private void assertRefused(String field, Supplier<HttpResponse<String>> call) {
        HttpResponse<String> response = call.get();
        String body = response.body();
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                () -> field + ": " + response.statusCode() + " " + body);
        assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"), body);
        assertTrue(body.contains("\"field\":\"" + field + "\""), () -> field + " not named in " + body);
        // the instance is the path as sent; what the answer says about the value must not repeat it
        Map<String, Object> problem = api.map(response);
        String said = problem.get("detail") + " " + problem.get("errors");
        assertTrue(said.length() < 2000, () -> field + ": the answer echoes the input: " + said.length() + " chars");
    }

    private long webhookRows() throws SQLException {
        return infra.queryLong("select count(*) from notification.webhook");
    }
}
