package io.aigcwatch.gateway.proxy;

import io.aigcwatch.gateway.support.Echo;
import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.StubService;
import io.aigcwatch.kit.caller.CallerHeaders;
import io.aigcwatch.kit.internal.InternalCredential;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestCredential;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Services learn who is calling only from the gateway: whatever a client writes in the caller headers is dropped, and
 * the gateway writes the key it verified. {@code /api/webhooks} goes to notification-service like any routed path.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallerHeadersTest {
    private static final String KEY = CallerHeaders.KEY.toLowerCase(Locale.ROOT);
    private static final String SCOPES = CallerHeaders.SCOPES.toLowerCase(Locale.ROOT);

    private StubService services;
    private Gateway gateway;

    @BeforeAll
    void start() {
        services = StubService.start();
        gateway = Gateway.start(Map.of("funding", services.url(), "notification", services.url()),
                Map.of(Gateway.ANONYMOUS_READ, true));
    }

    @AfterAll
    void stop() {
        gateway.close();
        services.close();
    }

    @Test
    void aClientsCallerHeadersAreReplacedByTheVerifiedKey() {
        Echo echo = echo(gateway.send(forged(gateway.request("/api/funding-events/7", Gateway.WRITE_KEY)).GET().build()));

        assertEquals(keyId(Gateway.WRITE_KEY), echo.headers().get(KEY));
        assertEquals("read,write", echo.headers().get(SCOPES));
    }

    @Test
    void aCallerWithoutAKeyGetsNoCallerHeadersWhateverItSends() {
        HttpResponse<String> response = gateway.send(forged(gateway.request("/api/funding-events/7")).GET().build());

        assertEquals(200, response.statusCode(), response::body);
        Echo echo = echo(response);
        assertFalse(echo.headers().containsKey(KEY), () -> "forwarded: " + echo.headers());
        assertFalse(echo.headers().containsKey(SCOPES), () -> "forwarded: " + echo.headers());
    }

    @Test
    void aWebhookRegistrationReachesNotificationServiceWithTheCallerAndItsLocationIsPublic() {
        HttpResponse<String> response = gateway.send(forged(gateway.request("/api/webhooks", Gateway.READ_KEY))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"url\": \"https://1.1.1.1/hook\"}")).build());

        assertEquals(201, response.statusCode(), response::body);
        assertEquals(Optional.of("/api/webhooks/0b5e7c1a"), response.headers().firstValue("Location"));
        Echo echo = echo(response);
        assertEquals("/webhooks", echo.path());
        assertEquals("{\"url\": \"https://1.1.1.1/hook\"}", echo.body());
        assertEquals(keyId(Gateway.READ_KEY), echo.headers().get(KEY));
        assertEquals("read", echo.headers().get(SCOPES));
    }

    @Test
    void aDeliveryLogIsReadFromNotificationServiceWithItsQuery() {
        Echo echo = echo(gateway.get("/api/webhooks/0b5e7c1a/deliveries?limit=5", Gateway.ADMIN_KEY));

        assertEquals("/webhooks/0b5e7c1a/deliveries", echo.path());
        assertEquals("limit=5", echo.query());
        assertEquals("admin,read,write", echo.headers().get(SCOPES));
    }

    @Test
    void theInternalCredentialAClientSendsIsReplacedByTheGatewaysOwn() {
        String header = InternalCredential.HEADER.toLowerCase(Locale.ROOT);
        Echo echo = echo(gateway.send(gateway.request("/api/funding-events/7", Gateway.READ_KEY)
                .header(InternalCredential.HEADER, "guessed").GET().build()));

        assertEquals(TestCredential.VALUE, echo.headers().get(header));
    }

    private static HttpRequest.Builder forged(HttpRequest.Builder request) {
        return request.header(CallerHeaders.KEY, "key-000000000000").header(CallerHeaders.SCOPES, "read,write,admin");
    }

    /** The non-secret id the gateway gives a key: {@code key-} and the start of its SHA-256. */
    private static String keyId(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "key-" + HexFormat.of().formatHex(hash).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Echo echo(HttpResponse<String> response) {
        assertTrue(response.statusCode() < 300, () -> response.statusCode() + ": " + response.body());
        try {
            return gateway.context().getBean(JsonMapper.class).readValue(response.body(), Echo.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
