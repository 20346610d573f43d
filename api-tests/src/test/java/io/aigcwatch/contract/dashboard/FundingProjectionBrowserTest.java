package io.aigcwatch.contract.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigcwatch.testkit.stack.LocalStackRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The overview's funding-share projection ("Where the money is going") against the real stack: on the seed, too
 * thin to fit, it says why in place of the chart; once a generated data set is imported it draws a line and an
 * interval per category with a table of every year, and a large round moves it over the market stream without a
 * reload.
 * <p>
 * The import adds thousands of rounds, companies and unicorns to the stack every class of this module shares, which
 * would move what the others count (the leaderboard is the API's whole list only up to 100 unicorns). So this class
 * runs last ({@code junit-platform.properties} orders classes by {@link Order}), and its methods in order: the
 * first needs the seed as it is.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FundingProjectionBrowserTest extends DashboardBrowserTestBase {
    /** Enough quarters and rounds for every layer to be fitted; an import of it takes seconds. */
    private static final int ROUNDS = 12_000;
    private static final long SEED = 15;
    private static final String LAYERS = "/api/market/funding-projections?by=layer";
    /** A projected share as the table writes it in en-US: {@code 23.4 % (21–26.1 %)}. */
    private static final Pattern SHARE = Pattern.compile("([0-9.]+) % \\(([0-9.]+)–([0-9.]+) %\\)");
    private static final Duration LIVE = Duration.ofSeconds(60);

    FundingProjectionBrowserTest(LocalStackRun stack, Browser browser) {
        super(stack, browser);
    }

    @BeforeEach
    void signedIn() {
        browser.presetKey(stack.readKey());
    }

    @Test
    @Order(1)
    void onTheSeedItSaysWhyNothingIsProjectedInPlaceOfTheChart() throws Exception {
        JsonNode answer = api.get(LAYERS);
        JsonNode layer = answer.path("projections").path(0);
        assertEquals("NOT_PROJECTED", layer.path("status").asText(),
                "the seed's rounds are dated only as on or before a day, in no quarter: " + layer);

        page.openOverview("");
        awaitSection("layer", "NOT_PROJECTED");
        WebElement reason = page.driver().findElement(By.id("shares-reason"));
        assertTrue(reason.isDisplayed(), "the reason is shown");
        assertEquals("Not projected: " + layer.path("reason").asText(), reason.getText());
        assertFalse(page.driver().findElement(By.id("chart-funding-shares")).isDisplayed(),
                "no empty chart in its place");
        assertComparisonsShown(answer.path("comparisons"));
    }

    @Test
    @Order(2)
    void anImportedDataSetIsDrawnWithIntervalsAndALargeRoundMovesItWithoutAReload() throws Exception {
        Path file = GeneratedRounds.csv(Path.of("target", "funding-shares", "rounds.csv").toAbsolutePath(), ROUNDS,
                SEED);
        page.openOverview("");
        awaitSection("layer", null);
        await("the market stream live").atMost(LIVE).until(() -> "live".equals(page.bodyData("sharesStream")));
        page.driver().executeScript("window.__sameDocument = true");

        JsonNode job = api.importCsv(file);
        assertTrue(job.path("rowsImported").asLong() > ROUNDS * 9L / 10, job::toString);
        // market-service refits as the imported rounds arrive; the page follows the stream, never reloaded
        awaitSettled();
        JsonNode layer = api.get(LAYERS).path("projections").path(0);
        assertEquals("PROJECTED", layer.path("status").asText(), layer::toString);
        awaitSection("layer", "PROJECTED");
        page.awaitDrawn("chart-funding-shares");
        assertFalse(page.driver().findElement(By.id("shares-reason")).isDisplayed());
        assertTableShows(layer);
        assertTrue(page.driver().findElement(By.id("caption-funding-shares")).getText()
                .contains(String.format("fitted on %,d quarters", layer.path("inputs").path("quarters").asInt())));
        assertEquals(layer.path("outliers").size() == 0 ? 1 : layer.path("outliers").size(),
                page.driver().findElements(By.cssSelector("#shares-outliers li")).size());

        // one large round in the layer with the smallest 2030 share, in the fit's latest quarter (a quarter of its
        // own would weigh one round against hundreds): a thirtieth of all the series' USD, about a fifth of that
        // quarter's, lifts the share by points, more than the stream's threshold
        String smallest = smallest2030(layer);
        double before = share2030(layer, smallest);
        BigDecimal usd = BigDecimal.valueOf(layer.path("inputs").path("usd").asDouble() / 30)
                .setScale(0, RoundingMode.HALF_UP);
        api.recordRound("Browser Shares " + UUID.randomUUID().toString().substring(0, 8), smallest, usd,
                dayIn(layer.path("inputs").path("lastQuarter").asText()));
        await("the API's 2030 share of " + smallest + " moved").atMost(LIVE).until(() -> Math.abs(
                share2030(api.get(LAYERS).path("projections").path(0), smallest) - before) > 0.5);
        JsonNode moved = api.get(LAYERS).path("projections").path(0);
        await("the page shows the moved share").atMost(LIVE).untilAsserted(() -> assertTableShows(moved));
        assertNotEquals(before, share2030(moved, smallest));
        assertEquals(Boolean.TRUE, page.driver().executeScript("return window.__sameDocument === true"),
                "updated in place, not by reloading the page");

        // the other series from the select: countries are drawn as well
        new Select(page.driver().findElement(By.id("shares-by"))).selectByValue("country");
        awaitSection("country", "PROJECTED");
        assertTrue(page.driver().getCurrentUrl().contains("shares=country"), page.driver().getCurrentUrl());
        assertTableShows(api.get("/api/market/funding-projections?by=country").path("projections").path(0));
    }

    /**
     * Until market-service has taken in every imported round: the layer series' revision (a count of its changes)
     * the same at two polls three seconds apart, and the page showing that revision.
     */
    private void awaitSettled() {
        AtomicLong last = new AtomicLong(-1);
        await("the imported rounds taken in").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    long now = api.get(LAYERS).path("series").path("layer").path("revision").asLong();
                    return last.getAndSet(now) == now
                            && String.valueOf(now).equals(section().getAttribute("data-revision"));
                });
    }

    /** Until the section has loaded {@code series} and, unless null, shows it as {@code status}. */
    private void awaitSection(String series, String status) {
        await("funding shares by " + series + " " + status).atMost(LIVE).until(() -> {
            WebElement section = section();
            return "false".equals(section.getAttribute("aria-busy"))
                    && series.equals(section.getAttribute("data-series"))
                    && (status == null || status.equals(section.getAttribute("data-status")));
        });
    }

    private WebElement section() {
        return page.driver().findElement(By.id("funding-projection"));
    }

    /** A row a year, 2023 to 2030; a cell a category, each the API's share within its interval. */
    private void assertTableShows(JsonNode projection) {
        List<List<String>> rows = table("table-funding-shares");
        JsonNode years = projection.path("years");
        assertEquals(8, years.size(), projection::toString);
        assertEquals(IntStream.rangeClosed(2023, 2030).mapToObj(String::valueOf).toList(),
                rows.subList(1, rows.size()).stream().map(row -> row.get(0)).toList());
        assertEquals(projection.path("categories").size(), rows.get(0).size() - 1, "a column a category");
        for (int y = 0; y < years.size(); y++) {
            List<String> cells = rows.get(y + 1);
            JsonNode shares = years.get(y).path("shares");
            assertEquals(shares.size(), cells.size() - 1);
            for (JsonNode share : shares) {
                String cell = cells.get(1 + indexOf(projection.path("categories"), share.path("category").asText()));
                Matcher shown = SHARE.matcher(cell);
                assertTrue(shown.matches(), cell);
                assertShown(share.path("share").asDouble(), shown.group(1));
                assertShown(share.path("low").asDouble(), shown.group(2));
                assertShown(share.path("high").asDouble(), shown.group(3));
                assertTrue(share.path("low").asDouble() <= share.path("share").asDouble()
                        && share.path("share").asDouble() <= share.path("high").asDouble(), share::toString);
            }
        }
    }

    /**
     * A table's text, its head row first, read in one script: the section redraws its tables on every recompute,
     * and elements found one by one could belong to two of them.
     */
    @SuppressWarnings("unchecked")
    private List<List<String>> table(String id) {
        return (List<List<String>>) page.driver().executeScript("""
                return [...document.getElementById(arguments[0]).rows]
                  .map(row => [...row.cells].map(cell => cell.textContent.trim()));
                """, id);
    }

    /** The page rounds to one decimal. */
    private static void assertShown(double expected, String shown) {
        assertEquals(expected, Double.parseDouble(shown), 0.051, () -> expected + " shown as " + shown);
    }

    private void assertComparisonsShown(JsonNode comparisons) {
        assertFalse(comparisons.isEmpty(), "the report's checkable claims");
        List<WebElement> items = page.driver().findElements(By.cssSelector("#shares-comparisons li[data-verdict]"));
        assertEquals(comparisons.size(), items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode comparison = comparisons.get(i);
            WebElement item = items.get(i);
            assertEquals(comparison.path("verdict").asText(), item.getAttribute("data-verdict"));
            WebElement verdict = item.findElement(By.cssSelector(".verdict"));
            assertTrue(verdict.isDisplayed() && !verdict.getText().isBlank(), "the verdict is marked");
            String text = item.getText();
            for (String part : List.of("says", "reading", "observed")) {
                assertTrue(text.contains(comparison.path(part).asText()), part + " in " + text);
            }
        }
    }

    private static int indexOf(JsonNode categories, String category) {
        List<String> names = new ArrayList<>();
        categories.forEach(trend -> names.add(trend.path("category").asText()));
        int index = names.indexOf(category);
        assertTrue(index >= 0, category + " among " + names);
        return index;
    }

    /** The 15th of a quarter's first month (2026-Q3: 2026-07-15), or today if that is still to come. */
    private static LocalDate dayIn(String quarter) {
        Matcher parts = Pattern.compile("(\\d{4})-Q([1-4])").matcher(quarter);
        assertTrue(parts.matches(), quarter);
        LocalDate day = LocalDate.of(Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)) * 3 - 2, 15);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return day.isAfter(today) ? today : day;
    }

    private static String smallest2030(JsonNode projection) {
        return StreamSupport.stream(last(projection).path("shares").spliterator(), false)
                .min(Comparator.comparingDouble(share -> share.path("share").asDouble()))
                .orElseThrow().path("category").asText();
    }

    private static double share2030(JsonNode projection, String category) {
        return StreamSupport.stream(last(projection).path("shares").spliterator(), false)
                .filter(share -> share.path("category").asText().equals(category))
                .findFirst().orElseThrow(() -> new AssertionError(category + " in " + projection))
                .path("share").asDouble();
    }

    private static JsonNode last(JsonNode projection) {
        JsonNode years = projection.path("years");
        JsonNode last = years.get(years.size() - 1);
        assertEquals(2030, last.path("year").asInt());
        return last;
    }
}
