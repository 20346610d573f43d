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

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/imports}: a file far over the 64 KB bound of other bodies streams through to funding-service. */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportRouteTest {
    private static final int FILE_BYTES = 6 * 1024 * 1024;
    private StubService funding;
    private Gateway gateway;

    @BeforeAll
    void start() {
        funding = StubService.start();
        gateway = Gateway.start(Map.of("funding", funding.url()),
                Map.of("aigcwatch.gateway.body.import-max-bytes", 8 * 1024 * 1024));
    }

    @AfterAll
    void stop() {
        gateway.close();
        funding.close();
    }

    @Test
    void aLargeFileStreamsToFundingServiceAndTheJobIsAtItsPublicPath() throws IOException {
        HttpResponse<String> response = gateway.send(gateway.request("/api/imports", Gateway.WRITE_KEY)
                .header("Content-Type", "text/csv")
                .POST(BodyPublishers.ofInputStream(() -> new Repeating(FILE_BYTES))).build());

        assertEquals(202, response.statusCode(), response::body);
        assertEquals(Optional.of("/api/imports/job-1"), response.headers().firstValue("Location"));
        Echo echo = gateway.context().getBean(JsonMapper.class).readValue(response.body(), Echo.class);
        assertEquals("/imports", echo.path());
        assertEquals("bytes=" + FILE_BYTES, echo.body(), "the whole file, sent without a declared length");
    }

    @Test
    void aFileDeclaredOverTheImportBoundIs413AndNothingReachesTheService() {
        long before = uploadsReceived();
        HttpResponse<String> response = gateway.send(gateway.request("/api/imports", Gateway.WRITE_KEY)
                .header("Content-Type", "text/csv")
                .POST(BodyPublishers.ofString("x".repeat(9 * 1024 * 1024))).build());

        assertEquals(413, response.statusCode(), response::body);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(before, uploadsReceived(), funding.received()::toString);
    }

    @Test
    void importingNeedsTheWriteScope() {
        HttpResponse<String> response = gateway.send(gateway.request("/api/imports", Gateway.READ_KEY)
                .header("Content-Type", "text/csv").POST(BodyPublishers.ofString("company\n")).build());

        assertEquals(403, response.statusCode(), response::body);
    }

    private long uploadsReceived() {
        return funding.received().stream().filter(request -> request.startsWith("POST /imports")).count();
    }

    /** A file of {@code size} bytes made up as it is read, so the test holds none of it. */
    private static final class Repeating extends InputStream {
        private long left;

        Repeating(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 'a' + (int) (left % 26) : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            for (int i = 0; i < n; i++) {
                target[offset + i] = (byte) ('a' + (int) ((left - i) % 26));
            }
            left -= n;
            return n;
        }
    }
}
