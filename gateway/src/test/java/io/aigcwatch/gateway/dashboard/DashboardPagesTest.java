package io.aigcwatch.gateway.dashboard;

import io.aigcwatch.gateway.support.Gateway;
import io.aigcwatch.testkit.RealInfraExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's files as a browser gets them from the gateway: open without a key even where reading the API needs
 * one, with a type a browser accepts (module scripts are refused under any other), cacheable, and gzipped when asked,
 * so that the overview's first load (ECharts is ~1 MB raw) stays well under 1 MB on the wire.
 */
@ExtendWith(RealInfraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPagesTest {
    private static final Pattern MODULE_SCRIPT = Pattern.compile("<script type=\"module\" src=\"([^\"]+)\"");
    private static final Pattern MODULE_PRELOAD = Pattern.compile("<link rel=\"modulepreload\" href=\"([^\"]+)\"");
    private static final Pattern IMPORT = Pattern.compile("^import (?:[^'\"]*from )?'\\./([^']+)'", Pattern.MULTILINE);
    private static final String ECHARTS = "/webjars/echarts/5.3.1/dist/echarts.min.js";
    private final HttpClient client = HttpClient.newHttpClient();
    private Gateway gateway;

    @BeforeAll
    void start() {
        // the default test gateway: keys required, no anonymous reads
        gateway = Gateway.start(Map.of(), Map.of(Gateway.ANONYMOUS_READ, false));
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @Test
    void eachFileIsServedWithoutAKeyWithItsTypeAndACachePolicy() {
        for (List<String> file : List.of(
                List.of("/", "text/html", "id=\"figures\""),
                List.of("/index.html", "text/html", "id=\"figures\""),
                List.of("/company.html", "text/html", "id=\"company-name\""),
                List.of("/app.css", "text/css", ":root"),
                List.of("/js/overview.js", "javascript", "import"),
                List.of(ECHARTS, "javascript", "echarts"))) {
            String path = file.get(0);
            HttpResponse<byte[]> response = get(path, Map.of());

            assertEquals(200, response.statusCode(), path);
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            assertTrue(contentType.contains(file.get(1)), path + " came as " + contentType);
            assertTrue(response.headers().firstValue("Cache-Control").isPresent(), response.headers()::toString);
            assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains(file.get(2)), path);
        }
    }

    @Test
    void aBrowserThatAcceptsGzipGetsTheSameBytesGzipped() {
        for (String path : List.of("/", "/company.html", "/js/overview.js", ECHARTS)) {
            byte[] plain = get(path, Map.of()).body();
            HttpResponse<byte[]> gzipped = get(path, Map.of("Accept-Encoding", "gzip"));

            assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse("none"), path);
            assertArrayEquals(plain, gunzip(gzipped.body()), path);
        }
    }

    @Test
    void eChartsCrossesTheWireAtUnderHalfItsSize() {
        int plain = get(ECHARTS, Map.of()).body().length;
        int gzipped = get(ECHARTS, Map.of("Accept-Encoding", "gzip")).body().length;

        assertTrue(plain > 900_000, "ECharts is " + plain + " bytes");
        assertTrue(gzipped * 2 < plain, "ECharts gzipped is " + gzipped + " of " + plain + " bytes");
    }

    @Test
    void theApiBehindThePagesStillAsksForAKey() {
        assertEquals(401, get("/api/stats", Map.of()).statusCode());
        assertEquals(401, get("/api/unicorns", Map.of()).statusCode());
    }

    @Test
    void aFileThatIsNotThereIs404() {
        assertEquals(404, get("/no-such-page.html", Map.of()).statusCode());
        assertEquals(404, get("/webjars/no-such-library/1.0/lib.js", Map.of()).statusCode());
    }

    @Test
    void eachPagePreloadsEveryModuleItImportsAndNoOther() {
        for (String page : List.of("/index.html", "/company.html")) {
            String html = text(page);
            Matcher entry = MODULE_SCRIPT.matcher(html);
            assertTrue(entry.find(), page);
            Set<String> imported = new TreeSet<>();
            Deque<String> toRead = new ArrayDeque<>(List.of(entry.group(1)));
            while (!toRead.isEmpty()) {
                String module = toRead.pop();
                if (imported.add(module)) {
                    Matcher imports = IMPORT.matcher(text("/" + module));
                    while (imports.find()) {
                        toRead.push("js/" + imports.group(1));
                    }
                }
            }
            Set<String> preloaded = new TreeSet<>();
            Matcher preload = MODULE_PRELOAD.matcher(html);
            while (preload.find()) {
                preloaded.add(preload.group(1));
            }
            // without a preload, each level of imports costs the first load one more round trip before the figures
            assertEquals(imported, preloaded, page);
        }
    }

    private String text(String path) {
        HttpResponse<byte[]> response = get(path, Map.of());
        assertEquals(200, response.statusCode(), path);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = gateway.request(path).GET();
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
