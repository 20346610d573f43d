package io.aigcwatch.gateway.tracecontext;

import io.aigcwatch.testkit.RealInfraExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import io.aigcwatch.gateway.support.Echo;
import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.StubService;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceContextTest {
    private static final String VALID = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    private StubService funding;
    private Gateway gateway;

    @BeforeAll
    void start() {
        funding = StubService.start();
        gateway = Gateway.start(Map.of("funding", funding.url()), Map.of());
    }

    @AfterAll
    void stop() {
        gateway.close();
        funding.close();
    }

    @Test
    void aValidTraceparentAndItsTracestateReachTheServiceUnchanged() {
        Echo echo = echo(gateway.send(gateway.request("/api/companies", Gateway.READ_KEY)
                .header("traceparent", VALID).header("tracestate", "congo=t61rcWkgMzE").GET().build()));

        assertEquals(VALID, echo.headers().get("traceparent"));
        assertEquals("congo=t61rcWkgMzE", echo.headers().get("tracestate"));
    }

    @Test
    void aRequestWithoutTraceparentStartsANewTraceForEachRequest() {
        Echo first = echo(gateway.get("/api/companies"));
        Echo second = echo(gateway.get("/api/companies"));

        String started = first.headers().get("traceparent");
        assertTrue(started.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"), started);
        assertTrue(TraceContext.isValid(started), started);
        assertNotEquals(started.substring(3, 35), second.headers().get("traceparent").substring(3, 35),
                "each request is its own trace");
        assertTrue(first.headers().containsKey("x-request-id"), "the request id still goes along");
    }

    @Test
    void anInvalidTraceparentIsReplacedAndItsTracestateDropped() {
        String allZeroTraceId = "00-00000000000000000000000000000000-b7ad6b7169203331-01";
        Echo echo = echo(gateway.send(gateway.request("/api/companies", Gateway.READ_KEY)
                .header("traceparent", allZeroTraceId).header("tracestate", "congo=t61rcWkgMzE").GET().build()));

        String replaced = echo.headers().get("traceparent");
        assertNotEquals(allZeroTraceId, replaced);
        assertTrue(TraceContext.isValid(replaced), replaced);
        assertFalse(echo.headers().containsKey("tracestate"), () -> "forwarded: " + echo.headers());
    }

    @Test
    void theFormatRulesOfTheSpecification() {
        assertTrue(TraceContext.isValid(VALID));
        assertTrue(TraceContext.isValid("01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-future"),
                "a later version may add fields");
        assertFalse(TraceContext.isValid("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra"));
        assertFalse(TraceContext.isValid("ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        assertFalse(TraceContext.isValid("00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01"));
        assertFalse(TraceContext.isValid("00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01"));
        assertFalse(TraceContext.isValid("00-0af7651916cd43dd8448eb211c80319c-b7ad6b71692033-01"));
        assertFalse(TraceContext.isValid(null));
    }

    private Echo echo(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response::body);
        try {
            return gateway.context().getBean(JsonMapper.class).readValue(response.body(), Echo.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
