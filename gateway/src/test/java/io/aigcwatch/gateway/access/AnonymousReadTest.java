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

import static io.aigcwatch.gateway.access.AccessTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** As the local stack runs the gateway: anyone may read, only keys may write. */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnonymousReadTest {
    private StubService funding;
    private Gateway gateway;

    @BeforeAll
    void start() {
        funding = StubService.start();
        gateway = Gateway.start(Map.of("funding", funding.url()), Map.of(Gateway.ANONYMOUS_READ, true));
    }

    @AfterAll
    void stop() {
        gateway.close();
        funding.close();
    }

    @Test
    void aGetWithoutAKeyIsServed() {
        assertEquals(200, gateway.getAnonymously("/api/funding-events/5").statusCode());
    }

    @Test
    void aPostWithoutAKeyIs401() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/funding-events")
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")).build());

        assertProblem(401, "unauthenticated", response);
    }

    @Test
    void aMalformedKeyEntryStopsTheGatewayWithoutPrintingTheKey() {
        String secret = "aw_never-printed-9d3f";
        RuntimeException refused = assertThrows(RuntimeException.class, () -> Gateway.start(
                Map.of("funding", funding.url()), Map.of(Gateway.API_KEYS, secret + "=read+superuser")));

        String messages = messages(refused);
        assertTrue(messages.contains("'superuser' is not a scope"), messages);
        assertFalse(messages.contains(secret), messages);
    }

    private static String messages(Throwable error) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            all.append(cause).append('\n');
        }
        return all.toString();
    }

    @Test
    void aGetWithAWrongKeyIsStill401() {
        assertProblem(401, "unauthenticated", gateway.get("/api/funding-events/5", "aw_wrong"));
    }
}
