package io.aigcwatch.kit.internal;

import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.StrangerCalls;
import io.aigcwatch.testkit.TestCredential;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every service answers only callers that carry the internal credential; health stays open. */
@ExtendWith(RealInfraExtension.class)
class InternalCredentialFilterTest {
    static final String ENABLED = "aigcwatch.test.door";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withoutTheCredentialOrWithAWrongOneARequestIsRefusedAndHealthStillAnswers() throws Exception {
        try (EmbeddedServer server = start(Map.of())) {
            StrangerCalls.assertRefused(server.getURI(), "GET", "/door", null);
            StrangerCalls.assertRefused(server.getURI(), "PUT", "/door", "{}");

            HttpResponse<String> admitted = send(TestCredential.on(request(server, "/door")));
            assertEquals(200, admitted.statusCode(), admitted.body());
            assertEquals("open", admitted.body());
        }
    }

    @Test
    void aPathThatOnlyStartsLikeHealthIsNoHealth() throws Exception {
        try (EmbeddedServer server = start(Map.of())) {
            for (String path : new String[]{"/health/../door", "/health/%2e%2e/door", "/health%2F..%2Fdoor"}) {
                HttpResponse<String> refused = send(request(server, path));
                assertEquals(403, refused.statusCode(), () -> path + ": " + refused.body());
            }
            assertEquals(200, send(request(server, "/health/liveness")).statusCode());
        }
    }

    @Test
    void aScraperOnLoopbackReadsPrometheusWithoutTheCredential() throws Exception {
        try (EmbeddedServer server = start(Map.of())) {
            HttpResponse<String> scrape = send(request(server, "/prometheus"));

            assertEquals(200, scrape.statusCode(), scrape.body());
        }
    }

    @Test
    void aServiceWithoutACredentialFailsClosed() throws Exception {
        try (EmbeddedServer server = start(Map.of(TestCredential.PROPERTY, ""))) {
            HttpResponse<String> refused = send(request(server, "/door").header(TestCredential.HEADER, ""));
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());

            assertEquals(200, send(request(server, "/health")).statusCode());
        }
    }

    @Test
    void testKitSendsTheHeaderTheServicesRead() {
        assertEquals(InternalCredential.HEADER, TestCredential.HEADER);
    }

    private static EmbeddedServer start(Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(RealInfraExtension.forClass(InternalCredentialFilterTest.class)
                .serviceProperties());
        properties.put("micronaut.server.port", -1);
        properties.put("aigcwatch.service.schema", "door");
        properties.put("flyway.datasources.default.locations", "classpath:db/kit");
        properties.put("aigcwatch.outbox.enabled", false);
        properties.put(ENABLED, true);
        properties.putAll(more);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private static HttpRequest.Builder request(EmbeddedServer server, String path) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
