package io.aigcwatch.contract.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigcwatch.testkit.stack.LocalStackRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The overview in a real headless Chromium against the real local stack: what it shows is what the API answers at
 * that moment (other test classes of this module write to the same stack), its charts are drawn and each has a
 * table, a round recorded through the API reaches it live, its filters live in the URL, and its feed survives a
 * dropped connection.
 */
class OverviewBrowserTest extends DashboardBrowserTestBase {
    OverviewBrowserTest(LocalStackRun stack, Browser browser) {
        super(stack, browser);
    }

    @BeforeEach
    void signedIn() throws Exception {
        api.ensureARoundInAQuarter();
        browser.presetKey(stack.readKey());
    }

    @Test
    void showsTheUnicornsInTheApisOrderAndDrawsEveryChartWithATable() throws Exception {
        page.openOverview("");
        JsonNode unicorns = api.get("/api/unicorns").path("items");
        List<String> expected = StreamSupport.stream(unicorns.spliterator(), false)
                .map(unicorn -> unicorn.path("companyId").asText()).toList();
        assertFalse(expected.isEmpty(), "the seed loads the report's unicorns");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(expected, page.unicornIds()));
        for (JsonNode unicorn : unicorns) {
            WebElement row = page.driver().findElement(By.cssSelector(
                    "table#unicorns tbody tr[data-company-id='" + unicorn.path("companyId").asText() + "']"));
            String name = row.findElement(By.cssSelector(".name")).getText();
            assertTrue(name.contains(unicorn.path("name").asText()), name);
            if (!unicorn.path("localName").isMissingNode() && !unicorn.path("localName").isNull()) {
                assertTrue(name.contains(unicorn.path("localName").asText()), "local name as written: " + name);
            }
            assertFalse(row.findElement(By.cssSelector(".status")).getText().isBlank());
            assertFalse(row.findElement(By.cssSelector(".valuation")).getText().isBlank());
            assertTrue(row.findElement(By.cssSelector(".name a")).getAttribute("href")
                    .endsWith("company.html?id=" + unicorn.path("companyId").asText()));
        }

        assertFiguresMatch("");
        for (String chart : DashboardPage.OVERVIEW_CHARTS) {
            page.awaitDrawn("chart-" + chart);
            WebElement drawn = page.driver().findElement(By.id("chart-" + chart));
            assertEquals("img", drawn.getAttribute("role"), chart);
            assertFalse(page.accessibleName(drawn).isBlank(), "a name for " + chart);
            assertTrue(page.rows("table-" + chart) > 0, "table alternative of " + chart);
        }
        // the funding charts draw the funding part of /api/stats: a table row for each bucket it has
        for (Map.Entry<String, String> table : Map.of("byQuarter", "table-quarters", "byLayer", "table-layers",
                "byCountry", "table-countries").entrySet()) {
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(
                    api.get("/api/stats").path("funding").path(table.getKey()).size(), page.rows(table.getValue()),
                    table.getValue()));
        }
        assertFalse(page.driver().findElements(By.cssSelector("#warnings li")).isEmpty(),
                "the projection's warnings are shown beside it");
        // the report's rounds are "since 2022": in no quarter, and the chart says how many it leaves out
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            long unplaced = api.get("/api/stats").path("funding").path("unplacedRounds").asLong();
            assertTrue(unplaced >= 9, "the seed's rounds dated only as before a day: " + unplaced);
            WebElement note = page.driver().findElement(By.id("quarters-unplaced"));
            assertTrue(note.isDisplayed());
            assertTrue(note.getText().startsWith(unplaced + " rounds are not in this chart"), note.getText());
        });
    }

    @Test
    void aRoundRecordedThroughTheApiReachesTheFeedAndMovesTheFiguresWithinTwoSeconds() throws Exception {
        page.openOverview("");
        page.awaitFeedLive();
        long rounds = page.figureDigits("rounds");
        long unicorns = page.figureDigits("unicorns");
        String company = "Browser Feed " + UUID.randomUUID().toString().substring(0, 8);

        api.recordUnicornRound(company);
        // the requirement, counted from the API's answer: the change is in the feed and the figures moved
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            assertTrue(page.feedItems().stream().anyMatch(item -> item.getText().contains(company)), "in the feed");
            assertEquals(rounds + 1, page.figureDigits("rounds"));
            assertEquals(unicorns + 1, page.figureDigits("unicorns"));
        });
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertTrue(page.driver().findElements(
                By.cssSelector("table#unicorns tbody tr .name")).stream().anyMatch(n -> n.getText().contains(company)),
                "the leaderboard took the new unicorn without a reload"));
    }

    @Test
    void aFilterNarrowsTheFundingAndUnicornFiguresToWhatTheApiSaysForIt() throws Exception {
        JsonNode funding = api.get("/api/stats").path("funding");
        Map.Entry<String, String> filter = narrowingFilter(funding);
        String name = filter.getKey();
        String query = "?" + name + "=" + filter.getValue();
        page.openOverview("");
        page.awaitChoices();
        List<String> everyCountry = page.options("country");

        new Select(page.driver().findElement(By.id(name))).selectByValue(filter.getValue());
        page.driver().findElement(By.id("apply-filters")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> page.driver().getCurrentUrl().contains(query.substring(1)));
        assertFiguresMatch(query);
        assertTrue(page.figureDigits("rounds") < api.get("/api/stats").path("funding").path("rounds").asLong(),
                "fewer rounds than unfiltered under " + query);
        String table = name.equals("country") ? "table-countries" : "table-layers";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(1, page.rows(table),
                table + " shows the one " + name));

        // a shared link with a period: the funding figures cover its quarters, the unicorn figures do not care
        List<String> quarters = page.options("from");
        String quarter = quarters.get(quarters.size() / 2);
        page.openOverview(query + "&from=" + quarter + "&to=" + quarter);
        assertFiguresMatch(query + "&fromQuarter=" + quarter + "&toQuarter=" + quarter);
        assertEquals(api.get("/api/stats" + query).path("unicorns").path("count").asLong(),
                page.figureDigits("unicorns"), "the period does not narrow the unicorns");
        await("a filtered view still offers every country and quarter with rounds").atMost(Duration.ofSeconds(10))
                .until(() -> page.options("country").containsAll(everyCountry)
                        && page.options("from").containsAll(quarters) && page.options("to").containsAll(quarters));
    }

    /**
     * A country, else a layer, with fewer rounds than all (the seed's rounds are all Chinese, so on the seed it is a
     * layer): a filter that must visibly narrow the figures.
     */
    private static Map.Entry<String, String> narrowingFilter(JsonNode funding) {
        long all = funding.path("rounds").asLong();
        for (Map.Entry<String, String> buckets : List.of(Map.entry("country", "byCountry"),
                Map.entry("layer", "byLayer"))) {
            for (JsonNode bucket : funding.path(buckets.getValue())) {
                if (bucket.path("rounds").asLong() < all) {
                    return Map.entry(buckets.getKey(), bucket.path("key").asText());
                }
            }
        }
        throw new AssertionError("no country or layer has fewer rounds than all: nothing to narrow " + funding);
    }

    @Test
    void aReloadKeepsTheFiltersAndTheScenario() throws Exception {
        page.openOverview("");
        page.awaitChoices();
        Select country = new Select(page.driver().findElement(By.id("country")));
        Select layer = new Select(page.driver().findElement(By.id("layer")));
        String countryCode = page.options("country").get(0);
        String layerName = page.options("layer").get(0);
        List<String> quarters = page.options("from");
        String first = quarters.get(0);
        String last = quarters.get(quarters.size() - 1);
        country.selectByValue(countryCode);
        layer.selectByValue(layerName);
        new Select(page.driver().findElement(By.id("from"))).selectByValue(first);
        new Select(page.driver().findElement(By.id("to"))).selectByValue(last);
        page.driver().findElement(By.id("apply-filters")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> page.driver().getCurrentUrl().contains("country=" + countryCode));
        Select scenario = new Select(page.driver().findElement(By.id("scenario")));
        String other = scenario.getOptions().stream().map(option -> option.getAttribute("value"))
                .filter(value -> !value.equals(scenario.getFirstSelectedOption().getAttribute("value")))
                .findFirst().orElseThrow(() -> new AssertionError("only one scenario to choose"));
        scenario.selectByValue(other);
        await().atMost(Duration.ofSeconds(10)).until(() -> page.driver().getCurrentUrl().contains("scenario=" + other));
        String shared = page.driver().getCurrentUrl();
        for (String kept : List.of("layer=" + layerName, "from=" + first, "to=" + last)) {
            assertTrue(shared.contains(kept), shared + " lacks " + kept);
        }

        page.driver().navigate().refresh();
        page.awaitFiguresShown();
        assertEquals(shared, page.driver().getCurrentUrl());
        assertEquals(countryCode, page.selected("country"));
        assertEquals(layerName, page.selected("layer"));
        assertEquals(first, page.selected("from"));
        assertEquals(last, page.selected("to"));
        assertEquals(other, page.selected("scenario"));
        page.awaitDrawn("chart-model-shares");
    }

    @Test
    void theFeedResumesAfterADroppedConnectionWithoutLosingOrRepeatingAChange() throws Exception {
        page.openOverview("");
        page.awaitFeedLive();
        String before = "Browser Before " + UUID.randomUUID().toString().substring(0, 8);
        api.recordUnicornRound(before);
        await().atMost(Duration.ofSeconds(10)).until(() -> feedText().contains(before));

        // a dropped connection, as when the gateway restarts: its process dies and the launcher starts it again.
        // The round is posted just before, so its change reaches the gateway's stream while the page is away (or
        // just before it went, which the page must then not show twice).
        String during = "Browser During " + UUID.randomUUID().toString().substring(0, 8);
        Instant droppedAt = Instant.now();
        api.recordUnicornRound(during);
        ProcessHandle gateway = stack.launcher().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("gateway.jar"))
                .findFirst().orElseThrow(() -> new AssertionError("no gateway process under the launcher"));
        gateway.destroyForcibly();
        await("the gateway process gone").atMost(Duration.ofSeconds(30)).until(() -> !gateway.isAlive());
        AtomicReference<String> missedId = new AtomicReference<>();
        await("the change made around the drop, once the gateway is back").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> api.changeEventId(during, droppedAt.minusSeconds(5)).map(id -> {
                    missedId.set(id);
                    return true;
                }).orElse(false));

        await("the feed resumed").atMost(Duration.ofSeconds(90)).until(() -> page.driver().findElements(
                By.cssSelector("#feed li[data-event-id='" + missedId.get() + "']")).size() == 1);
        String after = "Browser After " + UUID.randomUUID().toString().substring(0, 8);
        api.recordUnicornRound(after);
        await().atMost(Duration.ofSeconds(10)).until(() -> feedText().contains(after));
        List<String> ids = new ArrayList<>(page.feedItems().stream().map(item -> item.getAttribute("data-event-id"))
                .toList());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no change twice: " + ids);
        assertEquals(1, countContaining(before));
        assertEquals(1, countContaining(during));
        assertNotEquals(0, countContaining(after));
    }

    private String feedText() {
        return page.driver().findElement(By.id("feed")).getText();
    }

    private long countContaining(String company) {
        return page.feedItems().stream().filter(item -> item.getText().contains(company)).count();
    }

    /** The headline figures show what /api/stats answers for {@code query}, once the page has caught up with it. */
    private void assertFiguresMatch(String query) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode stats = api.get("/api/stats" + query);
            assertEquals(stats.path("funding").path("rounds").asLong(), page.figureDigits("rounds"), query);
            assertEquals(stats.path("unicorns").path("count").asLong(), page.figureDigits("unicorns"), query);
        });
    }
}
