package io.aigcwatch.gateway.proxy;

import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.gateway.support.StubService;
import io.aigcwatch.testkit.RealInfraExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An export passes through the gateway as it is made: its first line reaches the client while the service is still
 * writing, it may last far longer than the route's timeout as long as bytes keep coming, and a service that stops
 * sending mid-way has its stream cut after the idle timeout.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamedExportTest {
    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(1);
    /** The service client's read timeout: how long the gateway waits for each next byte of a body in flight. */
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(1);

    private final HttpClient client = HttpClient.newHttpClient();
    private StubService funding;
    private Gateway gateway;

    @BeforeAll
    void start() {
        funding = StubService.start();
        gateway = Gateway.start(Map.of("funding", funding.url()), Map.of(
                "aigcwatch.gateway.routes.funding.timeout", ROUTE_TIMEOUT.toMillis() + "ms",
                "micronaut.http.services.funding.read-timeout", IDLE_TIMEOUT.toMillis() + "ms"));
    }

    @AfterAll
    void stop() {
        gateway.close();
        funding.close();
    }

    @Test
    void aSlowExportLongerThanTheRouteTimeoutArrivesWholeAndItsFirstLineBeforeTheServiceEnds() throws Exception {
        int lines = 40; // one every 100 ms: 4 s, four times both the route timeout and the idle timeout
        HttpResponse<InputStream> response = export("/api/companies/export/slow/slow-csv?lines=" + lines + "&everyMs=100");
        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("chunked"), response.headers().firstValue("Transfer-Encoding"));
        try (BufferedReader body = reader(response)) {
            String first = body.readLine();
            long firstLineAt = System.nanoTime();

            assertEquals("row-0,some,cells", first);
            assertFalse(funding.hasFinishedStreaming("slow-csv"), "the first line came only once the stub had ended");
            long latencyMillis = (firstLineAt - funding.firstStreamedAt("slow-csv").orElseThrow()) / 1_000_000;
            assertTrue(latencyMillis < 500, () -> "the first line reached the client " + latencyMillis
                    + " ms after the stub sent it");
            List<String> rest = new ArrayList<>();
            for (String line = body.readLine(); line != null; line = body.readLine()) {
                rest.add(line);
            }
            assertEquals(lines - 1, rest.size());
            assertEquals("row-" + (lines - 1) + ",some,cells", rest.get(rest.size() - 1));
        }
    }

    @Test
    void anExportThatStallsLongerThanTheIdleTimeoutIsCutAndTheGatewayGoesOn() throws Exception {
        long started = System.nanoTime();
        HttpResponse<InputStream> response = export("/api/companies/export/stalling?lines=3");
        assertEquals(200, response.statusCode());
        List<String> received = new ArrayList<>();
        boolean endedAbruptly = false;
        try (BufferedReader body = reader(response)) {
            for (String line = body.readLine(); line != null; line = body.readLine()) {
                received.add(line);
            }
        } catch (IOException cut) {
            endedAbruptly = true;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(List.of("row-0", "row-1", "row-2"), received);
        assertTrue(endedAbruptly, "a cut stream must not look like a complete one");
        assertTrue(millis >= IDLE_TIMEOUT.toMillis() && millis < 5 * IDLE_TIMEOUT.toMillis(),
                () -> "cut after " + millis + " ms");
        assertEquals(200, gateway.get("/api/companies").statusCode());
    }

    /**
     * 256 MiB pass through chunk by chunk. An in-process gateway shares its heap with the stub and this client, so the
     * check is that nothing holds the whole: the answer is chunked, not sized, and its first bytes arrive before the
     * stub has made its last.
     */
    @Test
    void aLargeExportStreamsThroughWithoutBeingGathered() throws Exception {
        int megabytes = 256;
        HttpResponse<InputStream> response = export("/api/companies/export/large/large-csv?megabytes=" + megabytes);
        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("chunked"), response.headers().firstValue("Transfer-Encoding"));
        assertTrue(response.headers().firstValue("Content-Length").isEmpty());
        long total = 0;
        boolean firstBeforeLast;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            int read = body.read(buffer);
            firstBeforeLast = read > 0 && !funding.hasFinishedStreaming("large-csv");
            while (read >= 0) {
                total += read;
                read = body.read(buffer);
            }
        }
        assertTrue(firstBeforeLast, "the first bytes came only once the stub had made them all");
        assertEquals((long) megabytes * 1024 * 1024, total);
    }

    private HttpResponse<InputStream> export(String path) throws IOException, InterruptedException {
        HttpRequest request = gateway.request(path, Gateway.READ_KEY).header("Accept", "text/csv").GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private static BufferedReader reader(HttpResponse<InputStream> response) {
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }
}
