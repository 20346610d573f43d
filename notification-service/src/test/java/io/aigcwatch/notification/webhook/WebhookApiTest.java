package io.aigcwatch.notification.webhook;

import io.aigcwatch.kit.caller.CallerHeaders;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Registering, reading and removing webhooks, who may see which, and what is refused; private targets are refused.
 * One key never sees another's webhooks; the key is the one the gateway names in the caller headers.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookApiTest {
    private static final String ALICE = "alice;read";
    private static final String BOB = "bob;read";
    private static final String ADMIN = "ops;admin";
    private static final int PER_CALLER = 10;

    private TestInfra infra;
    private NotificationService service;
    private WebhookApi api;

    @BeforeAll
    void start(TestInfra infra) {
        this.infra = infra;
        service = NotificationService.start(infra, Map.of("aigcwatch.notification.webhooks.max-per-caller", PER_CALLER));
        api = new WebhookApi(service);
    }

    @AfterAll
    void stop() {
        service.close();
    }

    @Test
    void aRegisteredWebhookHasALocationAndItsGeneratedSecretOnlyInThe201() {
        HttpResponse<String> created = api.post(ALICE, "/webhooks", """
                {"url": "https://1.1.1.1/hooks/aigcwatch", "description": "price alerts",
                 "filters": {"companies": ["Zhipu AI"], "countries": ["cn"], "layers": ["model"],
                             "unicornOnly": true, "minChangePct": 5}}""");

        assertEquals(201, created.statusCode(), created::body);
        Map<String, Object> body = api.map(created);
        String id = (String) body.get("id");
        assertEquals(Optional.of("/webhooks/" + id), created.headers().firstValue("Location"));
        assertEquals("https://1.1.1.1/hooks/aigcwatch", body.get("url"));
        assertEquals("price alerts", body.get("description"));
        assertEquals("ACTIVE", body.get("status"));
        assertEquals(WebhookApi.ownerOf(ALICE), body.get("owner"));
        assertEquals(Map.of("companies", List.of("Zhipu AI"), "countries", List.of("CN"), "layers", List.of("MODEL"),
                "unicornOnly", true, "minChangePct", 5), body.get("filters"));
        String secret = (String) body.get("secret");
        assertTrue(secret.startsWith("whsec_") && WebhookSecret.key(secret).length == 32, secret);

        Map<String, Object> read = api.webhook(ALICE, id);
        assertFalse(read.containsKey("secret"), read::toString);
        assertEquals(body.get("filters"), read.get("filters"));
        assertFalse(api.get(ALICE, "/webhooks").body().contains(secret));
    }

    @Test
    void aSecretTheClientChoseIsNeverEchoed() {
        String secret = WebhookSecret.generate();
        Map<String, Object> body = api.register(ALICE, "{\"url\": \"https://1.1.1.1/chosen\", \"secret\": \"" + secret + "\"}");

        assertFalse(body.containsKey("secret"), body::toString);
        assertEquals(Map.of("companies", List.of(), "countries", List.of(), "layers", List.of(), "unicornOnly", false),
                withoutNulls(body.get("filters")));
    }

    @Test
    void badFieldsAreNamedAndNothingIsStored() throws SQLException {
        long before = webhookRows();
        HttpResponse<String> response = api.post(ALICE, "/webhooks", """
                {"secret": "hunter2", "description": "%s",
                 "filters": {"countries": ["China"], "layers": ["MODEL", "ROBOTS"], "minChangePct": -1,
                             "companies": [" "]}}""".formatted("x".repeat(501)));

        assertEquals(422, response.statusCode(), response::body);
        assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"));
        for (String field : List.of("\"url\"", "\"secret\"", "\"description\"", "\"filters.countries[0]\"",
                "\"filters.layers[1]\"", "\"filters.minChangePct\"", "\"filters.companies[0]\"")) {
            assertTrue(response.body().contains("\"field\":" + field), () -> field + " in " + response.body());
        }
        assertEquals(before, webhookRows());
    }

    @Test
    void malformedJsonIsA400Problem() {
        HttpResponse<String> response = api.post(ALICE, "/webhooks", "{\"url\": ");

        assertEquals(400, response.statusCode(), response::body);
        assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"));
    }

    @Test
    void loopbackPrivateLinkLocalAndNonHttpTargetsAreRefused() throws SQLException {
        long before = webhookRows();
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://localhost:8081/rounds",
                "http://169.254.169.254/latest/meta-data/", "ftp://1.1.1.1/hook", "file:///etc/passwd",
                "http://10.1.2.3/hook", "http://172.16.0.1/hook", "http://192.168.1.1/hook", "http://100.64.0.1/hook",
                "http://0.0.0.0/hook", "http://[::1]/hook", "http://[::ffff:127.0.0.1]/hook", "http://[fd00::1]/hook",
                "http://[fe80::1]/hook", "http://[::ffff:a9fe:a9fe]/hook", "http://224.0.0.1/hook",
                "http://no-such-host.invalid/hook", "https://user:pw@1.1.1.1/hook", "not a url", "//1.1.1.1/hook")) {
            HttpResponse<String> response = api.post(ALICE, "/webhooks", "{\"url\": \"" + url + "\"}");

            assertEquals(422, response.statusCode(), () -> url + ": " + response.body());
            assertTrue(response.body().contains("\"field\":\"url\""), () -> url + ": " + response.body());
        }
        assertEquals(before, webhookRows());
    }

    /** Issue 11: benchmarking, IETF, 6to4, local-use NAT64 and Teredo addresses were let through. */
    @Test
    void specialPurposeRangesAreRefusedAndAPublicNeighbourIsNot() throws SQLException {
        long before = webhookRows();
        for (String address : List.of("198.18.0.1", "198.19.255.254", "192.0.0.8", "192.0.2.1", "198.51.100.1",
                "203.0.113.1", "255.255.255.255", "240.0.0.1", "[2002:c0a8:101::1]", "[2002:808:808::1]",
                "[64:ff9b:1::a00:1]", "[64:ff9b::a00:1]", "[64:ff9b::7f00:1]", "[2001:0:4136:e378:8000:63bf:3fff:fdd2]",
                "[2001:db8::1]", "[::ffff:192.168.1.1]", "[fc00::1]", "[ff02::1]")) {
            HttpResponse<String> response = api.post(ALICE, "/webhooks", "{\"url\": \"https://" + address + "/hook\"}");

            assertEquals(422, response.statusCode(), () -> address + ": " + response.body());
            assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"));
            assertTrue(response.body().contains("\"field\":\"url\""), () -> address + ": " + response.body());
        }
        assertEquals(before, webhookRows());

        for (String address : List.of("198.20.0.1", "192.0.1.1", "[2003::1]", "[64:ff9b::808:808]")) {
            api.register("neighbour;read", "{\"url\": \"https://" + address + "/neighbour\"}");
        }
    }

    @Test
    void anotherCallerGets404AndCannotDeleteIt() {
        String id = (String) api.register(ALICE, "{\"url\": \"https://1.1.1.1/alice-only\"}").get("id");

        assertEquals(404, api.get(BOB, "/webhooks/" + id).statusCode());
        assertEquals(404, api.get(BOB, "/webhooks/" + id + "/deliveries").statusCode());
        assertEquals(404, api.post(BOB, "/webhooks/" + id + "/reactivate", "").statusCode());
        HttpResponse<String> deleted = api.delete(BOB, "/webhooks/" + id);
        assertEquals(404, deleted.statusCode());
        assertEquals(Optional.of("application/problem+json"), deleted.headers().firstValue("Content-Type"));
        assertFalse(api.get(BOB, "/webhooks").body().contains(id));
        assertEquals(id, api.webhook(ALICE, id).get("id"));
    }

    @Test
    void anAdminSeesAndManagesEveryonesWebhooks() {
        String alices = (String) api.register(ALICE, "{\"url\": \"https://1.1.1.1/alice-admin\"}").get("id");
        String bobs = (String) api.register(BOB, "{\"url\": \"https://1.1.1.1/bob-admin\"}").get("id");

        String all = api.get(ADMIN, "/webhooks").body();
        assertTrue(all.contains(alices) && all.contains(bobs), all);
        String alicesOwn = api.get(ALICE, "/webhooks").body();
        assertTrue(alicesOwn.contains(alices) && !alicesOwn.contains(bobs), alicesOwn);
        assertEquals(WebhookApi.ownerOf(BOB), api.webhook(ADMIN, bobs).get("owner"));
        assertEquals(200, api.get(ADMIN, "/webhooks/" + bobs + "/deliveries").statusCode());

        assertEquals(204, api.delete(ADMIN, "/webhooks/" + bobs).statusCode());
        assertEquals(404, api.get(BOB, "/webhooks/" + bobs).statusCode());
    }

    @Test
    void theOwnerDeletesItAndThenItIsGone() {
        String id = (String) api.register(ALICE, "{\"url\": \"https://1.1.1.1/short-lived\"}").get("id");

        assertEquals(204, api.delete(ALICE, "/webhooks/" + id).statusCode());
        assertEquals(404, api.get(ALICE, "/webhooks/" + id).statusCode());
        assertEquals(404, api.delete(ALICE, "/webhooks/" + id).statusCode());
    }

    @Test
    void unknownIdsAndBadPagesAreProblems() {
        String id = (String) api.register(ALICE, "{\"url\": \"https://1.1.1.1/pages\"}").get("id");

        assertEquals(422, api.get(ALICE, "/webhooks/not-a-uuid").statusCode());
        assertEquals(404, api.get(ALICE, "/webhooks/00000000-0000-0000-0000-000000000000").statusCode());
        assertEquals(422, api.get(ALICE, "/webhooks/" + id + "/deliveries?limit=0").statusCode());
        assertEquals(422, api.get(ALICE, "/webhooks/" + id + "/deliveries?cursor=%25%25").statusCode());
        Map<String, Object> empty = api.map(api.get(ALICE, "/webhooks/" + id + "/deliveries"));
        assertEquals(List.of(), empty.get("items"));
        assertNull(empty.get("next"));
    }

    @Test
    void aRequestOnWhichTheGatewayNamedNoCallerIsRefused() {
        HttpResponse<String> response = api.post(null, "/webhooks", "{\"url\": \"https://1.1.1.1/anon\"}");

        assertEquals(401, response.statusCode(), response::body);
        assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"));
        assertTrue(response.body().contains("api-key-required"), response::body);
        assertEquals(401, api.get(null, "/webhooks").statusCode());
        assertEquals(401, api.delete(null, "/webhooks/00000000-0000-0000-0000-000000000000").statusCode());
    }

    @Test
    void aKeyWithoutTheReadScopeIsRefused() {
        HttpResponse<String> response = service.send(service.request("/webhooks")
                .header(CallerHeaders.KEY, "key-writer").header(CallerHeaders.SCOPES, "write").GET().build());

        assertEquals(403, response.statusCode(), response::body);
        assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"));
    }

    @Test
    void healthAndMetricsNeedNoCaller() {
        assertEquals(200, service.send(service.request("/health").GET().build()).statusCode());
        assertEquals(200, service.send(service.request("/prometheus").GET().build()).statusCode());
    }

    @Test
    void aCallerAtItsLimitIsRefused() {
        String caller = "busy;read";
        for (int i = 0; i < PER_CALLER; i++) {
            api.register(caller, "{\"url\": \"https://1.1.1.1/busy/" + i + "\"}");
        }

        HttpResponse<String> response = api.post(caller, "/webhooks", "{\"url\": \"https://1.1.1.1/busy/last\"}");

        assertEquals(409, response.statusCode(), response::body);
    }

    private long webhookRows() throws SQLException {
        return infra.queryLong("select count(*) from notification.webhook");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutNulls(Object map) {
        Map<String, Object> copy = new HashMap<>((Map<String, Object>) map);
        copy.values().removeIf(Objects::isNull);
        return copy;
    }
}
