package io.aigcwatch.contract.dashboard;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The dashboard's pages as the DOM contract (notes/dashboard-contract.md of issue 13) describes them: the readiness
 * markers a test waits on, and reading what a user reads.
 */
final class DashboardPage {
    /** Every chart of the overview, each followed by its table alternative {@code #table-<name>}. */
    static final List<String> OVERVIEW_CHARTS = List.of("quarters", "layers", "countries", "market-size",
            "model-shares");
    /** A first load on a cold JVM may compile the whole path; a test's own deadline is its own, tighter one. */
    private static final Duration READY = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final URI gateway;

    DashboardPage(Browser browser, URI gateway) {
        this.driver = browser.driver();
        this.gateway = gateway;
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens {@code /} plus {@code query} (such as {@code ?country=CN}) and waits until its figures are shown. */
    void openOverview(String query) {
        driver.get(gateway.resolve("/" + query).toString());
        awaitFiguresShown();
    }

    void openCompany(String companyId) {
        driver.get(gateway.resolve("/company.html?id=" + companyId).toString());
    }

    void awaitFiguresShown() {
        await("figures shown").atMost(READY).until(() -> "shown".equals(bodyData("figures")));
    }

    void awaitFeedLive() {
        await("feed live").atMost(READY).until(() -> "live".equals(bodyData("feed")));
    }

    void awaitDrawn(String chartId) {
        await(chartId + " drawn").atMost(READY).until(() -> "true".equals(
                driver.findElement(By.id(chartId)).getAttribute("data-drawn")));
    }

    String bodyData(String name) {
        return (String) driver.executeScript("return document.body.dataset[arguments[0]] || null", name);
    }

    /** A headline figure's digits as a number: the page formats it per locale, the count is the same. */
    long figureDigits(String figure) {
        String digits = driver.findElement(By.cssSelector("#figures [data-figure='" + figure + "']")).getText()
                .replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    /** aria-label, else the text of what aria-labelledby names: what a screen reader announces for a chart. */
    String accessibleName(WebElement element) {
        return String.valueOf(driver.executeScript("""
                const el = arguments[0];
                if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
                return (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
                  .map(id => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
                """, element));
    }

    /** The values a select offers beyond its "all" choice (the empty value), in its order. */
    List<String> options(String selectId) {
        return new Select(driver.findElement(By.id(selectId))).getOptions().stream()
                .map(option -> option.getAttribute("value")).filter(value -> value != null && !value.isBlank())
                .toList();
    }

    /** The country and quarter selects are filled from the data, just after the figures. */
    void awaitChoices() {
        await("filter choices").atMost(READY).until(() -> !options("country").isEmpty()
                && !options("from").isEmpty() && !options("to").isEmpty());
    }

    String selected(String selectId) {
        return new Select(driver.findElement(By.id(selectId))).getFirstSelectedOption().getAttribute("value");
    }

    List<String> unicornIds() {
        return driver.findElements(By.cssSelector("table#unicorns tbody tr[data-company-id]")).stream()
                .map(row -> row.getAttribute("data-company-id")).toList();
    }

    List<WebElement> feedItems() {
        return driver.findElements(By.cssSelector("#feed li[data-event-id]"));
    }

    int rows(String tableId) {
        return driver.findElements(By.cssSelector("#" + tableId + " tbody tr")).size();
    }

    WebElement active() {
        return driver.switchTo().activeElement();
    }

    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Ctrl+A, Delete, then the text: what a user does to replace a field's text (a chord alone types the letter). */
    void replaceFocusedText(String text) {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys(Keys.DELETE)
                .sendKeys(text).perform();
    }

    /**
     * Tabs through the page, as a keyboard user does, until the focused element is the one {@code wanted} says;
     * fails after {@code limit} presses.
     */
    WebElement tabTo(String what, java.util.function.Predicate<WebElement> wanted, int limit) {
        for (int i = 0; i <= limit; i++) {
            WebElement focused = active();
            if (wanted.test(focused)) {
                return focused;
            }
            press(Keys.TAB);
        }
        throw new AssertionError("Tab never reached " + what + " in " + limit + " presses");
    }
}
