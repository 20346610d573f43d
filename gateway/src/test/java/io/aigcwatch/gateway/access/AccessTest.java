package io.aigcwatch.gateway.access;

import io.aigcwatch.testkit.RealInfraExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.StubService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may do what through the gateway, with the default test keys and no anonymous reads. */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTest {
    private static final String UNKNOWN_KEY = "aw_guessed-but-wrong-1234";

    private StubService services;
    private Gateway gateway;

    @BeforeAll
    void start() {
        services = StubService.start();
        gateway = Gateway.start(Map.of("funding", services.url(), "valuation", services.url(),
                "market", services.url()), Map.of());
    }

    @AfterAll
    void stop() {
        gateway.close();
        services.close();
    }

    @Test
    void withoutAKeyA401ProblemWithAChallengeAndNothingReachesTheService() {
        HttpResponse<String> response = gateway.getAnonymously("/api/companies?who=nobody");

        assertProblem(401, "unauthenticated", response);
        assertEquals(Optional.of("Bearer realm=\"aigcwatch\""), response.headers().firstValue("WWW-Authenticate"));
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
        assertFalse(services.received().contains("GET /companies"), services.received()::toString);
    }

    @Test
    void anUnknownKeyIs401AndTheKeyIsNowhereInTheAnswer() {
        HttpResponse<String> response = gateway.get("/api/funding-events/1", UNKNOWN_KEY);

        assertProblem(401, "unauthenticated", response);
        assertKeyNotIn(UNKNOWN_KEY, response);
    }

    @Test
    void aKeyAsBearerTokenWorksAndIsNotForwarded() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/funding-events/2")
                .header("Authorization", "Bearer " + Gateway.READ_KEY).GET().build());

        assertEquals(200, response.statusCode(), response::body);
        assertFalse(response.body().contains("authorization"), response::body);
        assertFalse(response.body().contains(Gateway.READ_KEY), response::body);
    }

    @Test
    void anotherAuthorizationSchemeIsNotAnonymousButA401() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/funding-events/3")
                .header("Authorization", "Basic " + Gateway.READ_KEY).GET().build());

        assertProblem(401, "unauthenticated", response);
    }

    @Test
    void aReadOnlyKeyCannotPostAndNothingReachesTheService() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/valuation-marks", Gateway.READ_KEY)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")).build());

        assertProblem(403, "insufficient-scope", response);
        assertTrue(response.body().contains("'write' scope"), response::body);
        assertKeyNotIn(Gateway.READ_KEY, response);
        assertFalse(services.received().contains("POST /valuation-marks"), services.received()::toString);
    }

    @Test
    void aWriteKeyPostsARound() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/funding-events", Gateway.WRITE_KEY)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"round\":\"SEED\"}"))
                .build());

        assertEquals(201, response.statusCode(), response::body);
        assertTrue(services.received().contains("POST /funding-events"), services.received()::toString);
    }

    @Test
    void marketAssumptionsAndFxRatesNeedAdmin() {
        for (String path : new String[]{"/api/market/assumptions", "/api/fx-rates/EUR/2023-03",
                "/api/market//assumptions/", "/api/Market/assumptions"}) {
            HttpResponse<String> writer = put(path, Gateway.WRITE_KEY);
            assertProblem(403, "insufficient-scope", writer);
            assertTrue(writer.body().contains("'admin' scope"), writer::body);
        }
        assertFalse(services.received().stream().anyMatch(seen -> seen.startsWith("PUT ")),
                services.received()::toString);

        assertEquals(200, put("/api/market/assumptions", Gateway.ADMIN_KEY).statusCode());
        assertEquals(200, put("/api/fx-rates/EUR/2023-03", Gateway.ADMIN_KEY).statusCode());
        assertTrue(services.received().contains("PUT /market/assumptions"), services.received()::toString);
    }

    @Test
    void webhooksNeedOnlyTheReadScope() {
        HttpResponse<String> anonymous = gateway.send(gateway.request("/api/webhooks")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")).build());
        HttpResponse<String> reader = gateway.send(gateway.request("/api/webhooks", Gateway.READ_KEY)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")).build());

        assertProblem(401, "unauthenticated", anonymous);
        assertNotEquals(401, reader.statusCode(), reader::body);
        assertNotEquals(403, reader.statusCode(), reader::body);
    }

    @Test
    void healthAndTheApiDocumentNeedNoKey() {
        assertEquals(200, gateway.getAnonymously("/api/health").statusCode());
        assertNotEquals(401, gateway.getAnonymously("/api/openapi.yml").statusCode());
        assertNotEquals(401, gateway.getAnonymously("/api/docs/index.html").statusCode());
    }

    @Test
    void aBodyOverTheLimitIs413WithAKeyAndNothingReachesTheService() {
        String big = "{\"source\":\"" + "x".repeat(70_000) + "\"}";
        HttpResponse<String> response = gateway.send(gateway.request("/api/valuation-marks", Gateway.WRITE_KEY)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(big)).build());

        assertEquals(413, response.statusCode(), response::body);
        assertFalse(services.received().contains("POST /valuation-marks"), services.received()::toString);
    }

    private HttpResponse<String> put(String path, String key) {
        return gateway.send(gateway.request(path, key).header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString("{\"x\":1}")).build());
    }

    static void assertProblem(int status, String type, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response::body);
        assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"));
        assertTrue(response.body().contains("\"type\":\"https://aigcwatch.io/problems/" + type + "\""),
                response::body);
    }

    static void assertKeyNotIn(String key, HttpResponse<String> response) {
        assertFalse(response.body().contains(key), response::body);
        response.headers().map().forEach((name, values) ->
                assertFalse(values.stream().anyMatch(value -> value.contains(key)), name + ": " + values));
    }
}
