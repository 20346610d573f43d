package io.aigcwatch.contract.dashboard;

import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The overview's weight and speed as a user's browser measures them (issue 13: under 1 MB transferred, figures
 * within 1 s): {@code dashboard.loads} first loads of {@code /}, each in a fresh headless Chromium with an empty
 * profile (nothing cached), after {@code dashboard.warmups} unmeasured ones that wake the stack's JIT. Each load's
 * figures come from the page itself: Navigation and Resource Timing for the bytes ({@code transferSize} of the
 * document and of every resource done by then; the open change stream is not done and not counted), the
 * {@code figures-shown} mark, and when the last chart got {@code data-drawn}, noted by an observer installed before
 * the page's own scripts. Not a test: docs/benchmarks.md, "Dashboard", has the command and the figures.
 */
public final class DashboardBenchmark {
    private static final Duration READY = Duration.ofSeconds(60);
    /** Before any page script: the time each chart is marked drawn, on the page's own clock. */
    private static final String DRAWN_OBSERVER = """
            window.__drawnAt = {};
            new MutationObserver((changes) => {
              for (const change of changes) {
                if (change.target.dataset && change.target.dataset.drawn === 'true'
                    && !(change.target.id in window.__drawnAt)) {
                  window.__drawnAt[change.target.id] = performance.now();
                }
              }
            }).observe(document, {attributes: true, attributeFilter: ['data-drawn'], subtree: true});
            """;
    private static final String MEASURE = """
            const nav = performance.getEntriesByType('navigation')[0];
            const resources = performance.getEntriesByType('resource');
            const mark = performance.getEntriesByName('figures-shown', 'mark')[0];
            const drawn = Object.values(window.__drawnAt);
            return {
              transferred: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
              decoded: nav.decodedBodySize + resources.reduce((sum, r) => sum + r.decodedBodySize, 0),
              requests: 1 + resources.length,
              figures: mark ? mark.startTime : -1,
              charts: drawn.length ? Math.max(...drawn) : -1,
              chartCount: drawn.length,
              domContentLoaded: nav.domContentLoadedEventEnd,
              load: nav.loadEventEnd
            };
            """;

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int loads = Integer.getInteger("dashboard.loads", 20);
        int warmups = Integer.getInteger("dashboard.warmups", 3);
        Path repo = DashboardTarget.repo();
        Path work = repo.resolve("api-tests").resolve("target").resolve("dashboard-benchmark");
        Path report = work.getParent().resolve("dashboard-benchmark.txt");
        List<Map<String, Object>> measured = new ArrayList<>();
        try (DashboardTarget target = DashboardTarget.fromProperties(repo, work.resolve("stack"))) {
            for (int i = 0; i < warmups + loads; i++) {
                Map<String, Object> load = loadOnce(target, work.resolve("chromium"));
                if (i >= warmups) {
                    measured.add(load);
                }
                System.out.printf("%s load %d: %s%n", i < warmups ? "warm-up" : "measured", i + 1, load);
            }
        }
        String table = table(measured, loads, warmups);
        System.out.println(table);
        Files.writeString(report, table);
        System.out.println("written to " + report);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> loadOnce(DashboardTarget target, Path profiles) throws IOException {
        try (Browser browser = Chromium.start(profiles)) {
            browser.presetKey(target.readKey());
            browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                    Map.of("source", DRAWN_OBSERVER));
            browser.driver().get(target.gateway().resolve("/").toString());
            await("figures shown and every chart drawn").atMost(READY).until(() -> {
                long undrawn = DashboardPage.OVERVIEW_CHARTS.stream().filter(chart -> !"true".equals(browser.driver()
                        .findElement(By.id("chart-" + chart)).getAttribute("data-drawn"))).count();
                return undrawn == 0 && "shown".equals(browser.driver().executeScript(
                        "return document.body.dataset.figures || null"));
            });
            return (Map<String, Object>) browser.driver().executeScript(MEASURE);
        }
    }

    private static String table(List<Map<String, Object>> loads, int count, int warmups) {
        double[] bytes = values(loads, "transferred");
        double[] decoded = values(loads, "decoded");
        double[] requests = values(loads, "requests");
        double[] figures = values(loads, "figures");
        double[] charts = values(loads, "charts");
        double[] domReady = values(loads, "domContentLoaded");
        StringBuilder out = new StringBuilder();
        out.append(String.format("dashboard benchmark, %s: %d first loads of / in fresh headless Chromium"
                + " sessions (after %d warm-ups)%n%n", LocalDateTime.now().withNano(0), count, warmups));
        out.append("| figure | target | p50 | p95 | max |\n| --- | --- | --- | --- | --- |\n");
        row(out, "bytes transferred (document and every resource, transferSize)", "under 1 MB", bytes, "%.0f KB",
                1024);
        row(out, "bytes decoded (decodedBodySize)", "", decoded, "%.0f KB", 1024);
        row(out, "requests", "", requests, "%.0f", 1);
        row(out, "DOMContentLoaded", "", domReady, "%.0f ms", 1);
        row(out, "figures shown (figures-shown mark)", "within 1 s", figures, "%.0f ms", 1);
        row(out, "every chart drawn (last data-drawn)", "", charts, "%.0f ms", 1);
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String target, double[] sorted, String format,
                            double unit) {
        out.append("| ").append(name).append(" | ").append(target).append(" | ")
                .append(String.format(format, percentile(sorted, 50) / unit)).append(" | ")
                .append(String.format(format, percentile(sorted, 95) / unit)).append(" | ")
                .append(String.format(format, sorted[sorted.length - 1] / unit)).append(" |\n");
    }

    private static double[] values(List<Map<String, Object>> loads, String key) {
        return loads.stream().mapToDouble(load -> ((Number) load.get(key)).doubleValue()).sorted().toArray();
    }

    /** Nearest rank: the smallest value with at least p% of the loads at or below it. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
