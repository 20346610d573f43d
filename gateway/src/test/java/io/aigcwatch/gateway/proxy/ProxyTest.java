package io.aigcwatch.gateway.proxy;

import io.aigcwatch.gateway.support.Echo;
import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.StubService;
import io.aigcwatch.testkit.RealInfraExtension;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway in front of a stub funding-service: what goes through, both ways, and what does not. */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyTest {
    private StubService funding;
    private Gateway gateway;

    @BeforeAll
    void start() {
        funding = StubService.start();
        gateway = Gateway.start(Map.of("funding", funding.url()),
                Map.of("micronaut.http.services.funding.read-timeout", "1s"));
    }

    @AfterAll
    void stop() {
        gateway.close();
        funding.close();
    }

    @Test
    void aGetReachesTheServiceWithoutTheApiPrefixAndKeepsItsQueryAndHeaders() {
        HttpResponse<String> response = gateway.send(gateway
                .request("/api/funding-events/42?country=CN&q=a%20b", Gateway.READ_KEY)
                .header("Accept", "application/json")
                .header("If-None-Match", "\"v0\"")
                .header("X-Request-Id", "req-42")
                .header("Cookie", "session=1")
                .GET().build());

        assertEquals(200, response.statusCode());
        Echo echo = echo(response);
        assertEquals("GET", echo.method());
        assertEquals("/funding-events/42", echo.path());
        assertEquals("country=CN&q=a%20b", echo.query());
        assertEquals("application/json", echo.headers().get("accept"));
        assertEquals("\"v0\"", echo.headers().get("if-none-match"));
        assertEquals("req-42", echo.headers().get("x-request-id"));
        assertFalse(echo.headers().containsKey("x-api-key"), () -> "forwarded: " + echo.headers());
        assertFalse(echo.headers().containsKey("cookie"), () -> "forwarded: " + echo.headers());

        assertEquals(Optional.of("req-42"), response.headers().firstValue("X-Request-Id"));
        assertEquals(Optional.of("\"v1\""), response.headers().firstValue("ETag"));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(Optional.empty(), response.headers().firstValue("X-Internal-Detail"));
    }

    @Test
    void linkTargetsOfTheServiceBecomePublicPathsAndOthersStay() {
        HttpResponse<String> response = gateway.get("/api/funding-events/42");

        assertEquals(List.of("</api/funding-events?cursor=abc>; rel=\"next\", <https://example.org/doc>; rel=\"help\""),
                response.headers().allValues("Link"));
    }

    @Test
    void aPostCarriesItsBodyAndIdempotencyKeyAndItsLocationBecomesPublic() {
        String body = "{\"round\":\"SERIES_B\",\"company\":{\"name\":\"智谱AI\"}}";
        HttpResponse<String> response = gateway.send(gateway.request("/api/funding-events", Gateway.WRITE_KEY)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "key-1")
                .POST(BodyPublishers.ofString(body)).build());

        assertEquals(201, response.statusCode(), response::body);
        Echo echo = echo(response);
        assertEquals("POST", echo.method());
        assertEquals("/funding-events", echo.path());
        assertEquals(body, echo.body());
        assertEquals("key-1", echo.headers().get("idempotency-key"));
        assertTrue(echo.headers().get("content-type").startsWith("application/json"));
        assertEquals(Optional.of("/api/funding-events/123"), response.headers().firstValue("Location"));
        assertEquals(Optional.of("\"v1\""), response.headers().firstValue("ETag"));
        assertEquals(Optional.of("true"), response.headers().firstValue("Idempotent-Replayed"));
    }

    @Test
    void aChunkedBodyArrivesWhole() {
        String body = "{\"source\":\"" + "y".repeat(20_000) + "\"}";
        HttpResponse<String> response = gateway.send(gateway.request("/api/funding-events", Gateway.WRITE_KEY)
                .header("Content-Type", "application/json")
                // a stream of unknown length: the JDK client sends it chunked
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build());

        assertEquals(201, response.statusCode(), response::body);
        assertEquals(body, echo(response).body());
    }

    @Test
    void aDeleteReachesTheServiceWithItsPrecondition() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/funding-events/9", Gateway.WRITE_KEY)
                .header("If-Match", "\"v3\"").DELETE().build());

        assertEquals(204, response.statusCode(), response::body);
        assertEquals(Optional.of("\"retracted-9-v3\""), response.headers().firstValue("ETag"));
    }

    @Test
    void aRequestWithoutAnIdGetsOneAndTheServiceSeesTheSameOne() {
        HttpResponse<String> response = gateway.get("/api/companies");

        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
        assertEquals(id, echo(response).headers().get("x-request-id"));
    }

    @Test
    void anUnsafeRequestIdIsReplaced() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/companies", Gateway.READ_KEY)
                .header("X-Request-Id", "bad id with spaces").GET().build());

        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
    }

    @Test
    void aPreconditionFailureComesBackUnchanged() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/funding-events/7", Gateway.WRITE_KEY)
                .header("Content-Type", "application/json")
                .header("If-Match", "\"v0\"")
                .PUT(BodyPublishers.ofString("{}")).build());

        assertEquals(412, response.statusCode());
        assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"));
        assertEquals(StubService.PRECONDITION_FAILED, response.body());
    }

    @Test
    void fxRatesAreRoutedToo() {
        HttpResponse<String> response = gateway.get("/api/fx-rates?on=2023-03-15");

        assertEquals(200, response.statusCode());
        assertEquals("EUR,USD,1.08", response.body());
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeGivesA504Problem() {
        long started = System.nanoTime();
        HttpResponse<String> response = gateway.get("/api/companies/slow");
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(504, response.statusCode(), response::body);
        assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"));
        assertTrue(response.body().contains("\"type\":\"https://aigcwatch.io/problems/downstream-timeout\""),
                response::body);
        assertTrue(millis < 5_000, () -> "took " + millis + " ms");
        assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        String big = "{\"source\":\"" + "x".repeat(70_000) + "\"}";
        HttpResponse<String> response = gateway.send(gateway.request("/api/funding-events", Gateway.WRITE_KEY)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(big)).build());

        assertEquals(413, response.statusCode(), response::body);
        assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"));
    }

    @Test
    void anUnknownApiPathIsAProblem404() {
        HttpResponse<String> response = gateway.get("/api/no-such-thing");

        assertEquals(404, response.statusCode());
        assertEquals(Optional.of("application/problem+json"), response.headers().firstValue("Content-Type"));
    }

    private Echo echo(HttpResponse<String> response) {
        try {
            return gateway.context().getBean(JsonMapper.class).readValue(response.body(), Echo.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
