package io.aigcwatch.contract.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;

/**
 * The README's pictures of the dashboard, taken from the real pages on a real stack (see {@link DashboardTarget}):
 * {@code docs/dashboard-overview.png} once the figures, every chart and the live feed are up, and
 * {@code docs/dashboard-company.png} for the largest unicorn with a local name (such as 智谱AI), else the largest.
 * Chinese names need a CJK font on the machine (Debian: fonts-wqy-zenhei or fonts-noto-cjk).
 * Command: docs/benchmarks.md, "Dashboard".
 */
public final class DashboardScreenshots {
    private static final Duration READY = Duration.ofSeconds(60);
    /** Tall enough for the leaderboard and the projection; the form below them is not the picture's point. */
    private static final int MAX_HEIGHT = 2600;

    private DashboardScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = DashboardTarget.repo();
        Path docs = repo.resolve("docs");
        Path work = repo.resolve("api-tests").resolve("target").resolve("dashboard-screenshots");
        try (DashboardTarget target = DashboardTarget.fromProperties(repo, work.resolve("stack"));
             Browser browser = Chromium.start(work.resolve("chromium"))) {
            browser.presetKey(target.readKey());
            browser.driver().get(target.gateway().resolve("/").toString());
            // a chart in a hidden part is not drawn: the funding shares, when the stack has too few rounds to project
            awaitReady(browser, "figures shown, charts drawn, feed live, funding shares loaded", """
                    return document.body.dataset.figures === 'shown' && document.body.dataset.feed === 'live'
                      && document.getElementById('funding-projection').getAttribute('aria-busy') === 'false'
                      && [...document.querySelectorAll('[id^=chart-]')]
                        .every(c => c.dataset.drawn === 'true' || c.closest('[hidden]'));
                    """);
            save(browser, docs.resolve("dashboard-overview.png"));

            String company = companyToShow(target);
            browser.driver().get(target.gateway().resolve("/company.html?id=" + company).toString());
            awaitReady(browser, "valuation history drawn",
                    "return document.getElementById('chart-valuations').dataset.drawn === 'true'");
            browser.driver().findElement(By.id("company-name"));
            save(browser, docs.resolve("dashboard-company.png"));
        }
    }

    private static void awaitReady(Browser browser, String what, String script) {
        await(what).atMost(READY).until(() -> Boolean.TRUE.equals(browser.driver().executeScript(script)));
    }

    /** The whole page down to {@link #MAX_HEIGHT}, not only the window: DevTools renders beyond the viewport. */
    @SuppressWarnings("unchecked")
    private static void save(Browser browser, Path file) throws IOException {
        Map<String, Object> metrics = browser.driver().executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(MAX_HEIGHT, ((Number) size.get("height")).doubleValue());
        Map<String, Object> shot = browser.driver().executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        System.out.println("saved " + file);
    }

    private static String companyToShow(DashboardTarget target) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                target.gateway().resolve("/api/unicorns")).header("X-API-Key", target.readKey()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode items = new ObjectMapper().readTree(response.body()).path("items");
        return StreamSupport.stream(items.spliterator(), false)
                .filter(unicorn -> unicorn.hasNonNull("localName"))
                .findFirst().orElse(items.get(0))
                .path("companyId").asText();
    }
}
