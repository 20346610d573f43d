package io.aigcwatch.contract.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.aigcwatch.testkit.stack.LocalStackRun;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's writing and reading beyond the overview, in the same Chromium and stack as
 * {@link OverviewBrowserTest}: the round form and the key dialog it opens, by keyboard alone, the form's field errors
 * from the API's problem+json, and a company page with its valuation history.
 */
class RecordAndCompanyBrowserTest extends DashboardBrowserTestBase {
    RecordAndCompanyBrowserTest(LocalStackRun stack, Browser browser) {
        super(stack, browser);
    }

    /**
     * The local stack lets anyone read, so the key is first asked for by a write: the form, sent without one, gets
     * 401, the dialog asks, and the form's call goes on with the key typed in. All by keyboard.
     */
    @Test
    void theFormAsksForTheKeyThenShowsTheApisFieldErrorBesideTheAmountAndRecordsTheRoundByKeyboard() throws Exception {
        browser.forgetKey();
        page.openOverview("");
        String company = "Browser Form " + UUID.randomUUID().toString().substring(0, 8);
        new KeyboardForm(page).fillAndSubmit(Map.of("company", company, "country", "CN", "layer", "MODEL",
                "round", "SEED", "amount", "0", "currency", "CNY", "announcedOn", "2024-03-01",
                "source", "browser form test"));

        await("the key dialog").atMost(Duration.ofSeconds(10)).until(() -> !page.driver().findElements(
                By.cssSelector("dialog#api-key-dialog[open]")).isEmpty());
        page.tabTo("the key field", focused -> "api-key".equals(focused.getAttribute("id")), 20);
        page.press(stack.adminKey());
        page.tabTo("the save button", focused -> "api-key-save".equals(focused.getAttribute("id")), 20);
        page.press(Keys.ENTER);

        By amountError = By.cssSelector("form#record-round [data-error-for='amount.value']");
        await("the amount's error").atMost(Duration.ofSeconds(10))
                .until(() -> !page.driver().findElement(amountError).getText().isBlank());
        assertTrue(page.driver().findElements(By.cssSelector("dialog#api-key-dialog[open]")).isEmpty());
        WebElement amount = page.driver().findElement(By.cssSelector("form#record-round [name='amount']"));
        WebElement error = page.driver().findElement(amountError);
        assertTrue(error.isDisplayed());
        assertTrue((Boolean) page.driver().executeScript(
                "return arguments[0].parentElement === arguments[1].parentElement", amount, error),
                "the error stands beside its field");
        assertTrue(page.driver().findElement(By.cssSelector("form#record-round [data-error-for='company.name']"))
                .getText().isBlank(), "only the bad field has an error");
        assertEquals(0, roundsOf(company), "nothing was recorded");

        amount.click();
        page.replaceFocusedText("250000000");
        page.press(Keys.ENTER);
        await("the round recorded").atMost(Duration.ofSeconds(10)).until(() -> roundsOf(company) == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertFalse(page.driver().findElement(By.id("record-result")).getText().isBlank());
            assertTrue(page.driver().findElement(amountError).getText().isBlank(), "the error is gone once fixed");
        });
        assertTrue(page.driver().findElements(By.cssSelector("dialog#api-key-dialog[open]")).isEmpty(),
                "asked once: the tab keeps the key");
        assertEquals(stack.adminKey(), page.driver().executeScript(
                "return sessionStorage.getItem(arguments[0])", Browser.KEY_ITEM));
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) page.driver().executeScript(
                "return [location.href].concat(performance.getEntriesByType('resource').map(e => e.name))");
        urls.forEach(url -> assertFalse(url.contains(stack.adminKey()), "a key in a URL: " + url));
    }

    @Test
    void aCompanyPageShowsItsRoundsAndDrawsItsValuationHistory() throws Exception {
        browser.presetKey(stack.readKey());
        JsonNode unicorn = api.get("/api/unicorns").path("items").get(0);
        String id = unicorn.path("companyId").asText();
        JsonNode history = api.get("/api/companies/" + id + "/valuations");
        JsonNode rounds = api.get("/api/funding-events?limit=500&company=" + id);

        page.openCompany(id);
        page.awaitDrawn("chart-valuations");
        String name = page.driver().findElement(By.id("company-name")).getText();
        assertTrue(name.contains(unicorn.path("name").asText()), name);
        if (unicorn.hasNonNull("localName")) {
            assertTrue(name.contains(unicorn.path("localName").asText()), name);
        }
        String status = page.driver().findElement(By.id("company-status")).getText();
        assertTrue(status.toUpperCase().replace(' ', '_').contains(unicorn.path("status").asText()), status);
        // "$0" would say it raised nothing: a company without a round says that no round is known
        String raised = page.driver().findElement(By.id("company-raised")).getText();
        if (rounds.path("items").isEmpty()) {
            assertEquals("No round recorded", raised);
        } else {
            assertFalse(raised.isBlank(), "the amount raised or that it is undisclosed");
        }
        // a row per round and per point; a company without any shows one row that says so
        assertEquals(Math.max(1, rounds.path("items").size()), page.rows("rounds"));
        assertEquals(Math.max(1, points(history)), page.rows("table-valuations"));
        WebElement chart = page.driver().findElement(By.id("chart-valuations"));
        assertEquals("img", chart.getAttribute("role"));
        assertFalse(page.accessibleName(chart).isBlank());
        assertEquals("table-valuations", chart.getAttribute("aria-describedby"), "the table describes the chart");
    }

    @Test
    void aCompanyPageShowsItsProfileAndEachRoundsDateAsPreciselyAsItIsKnown() throws Exception {
        browser.presetKey(stack.readKey());
        // the report says what Stability AI makes: its tags come from the taxonomy, with their source lines
        JsonNode stability = api.get("/api/companies?q=stability").path("items").get(0).path("company");
        assertEquals("Stability AI", stability.path("name").asText(), stability.toString());
        page.openCompany(stability.path("id").asText());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String segments = page.driver().findElement(By.id("company-segments")).getText();
            for (JsonNode segment : stability.path("segments")) {
                assertTrue(segments.toUpperCase().replace(' ', '_').contains(segment.asText()), segments);
            }
            assertEquals("Active", page.driver().findElement(By.id("company-lifecycle")).getText());
        });

        // the report's Chinese rounds are "since 2022": known only as on or before the report's date
        JsonNode zhipu = api.get("/api/companies?q=zhipuai").path("items").get(0).path("company");
        assertEquals("智谱AI", zhipu.path("localName").asText(), zhipu.toString());
        page.openCompany(zhipu.path("id").asText());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String announced = page.driver().findElement(By.cssSelector("table#rounds tbody tr > :first-child")).getText();
            assertTrue(announced.startsWith("on or before "), announced);
            assertEquals("–", page.driver().findElement(By.id("company-segments")).getText(),
                    "the report does not say what Zhipu makes, so no segment is claimed");
        });
    }

    private static int points(JsonNode history) {
        return history.isArray() ? history.size() : history.path("items").size();
    }

    private int roundsOf(String company) throws Exception {
        return api.get("/api/funding-events?company=" + URLEncoder.encode(company, StandardCharsets.UTF_8))
                .path("items").size();
    }
}
