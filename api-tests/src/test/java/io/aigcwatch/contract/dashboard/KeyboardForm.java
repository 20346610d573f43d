package io.aigcwatch.contract.dashboard;

import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills {@code form#record-round} as a keyboard user does: Tab from field to field, type into text fields, arrow
 * keys through a select's options, and Enter on the submit button.
 */
final class KeyboardForm {
    /** The overview's links and buttons before the form: its tables can hold a few hundred rows of links. */
    private static final int TAB_LIMIT = 600;

    private final DashboardPage page;

    KeyboardForm(DashboardPage page) {
        this.page = page;
    }

    /** @param values by the fields' names; each is filled once, in the page's tab order */
    void fillAndSubmit(Map<String, String> values) {
        Map<String, String> left = new LinkedHashMap<>(values);
        page.tabTo("the form's first field", this::inForm, TAB_LIMIT);
        for (int presses = 0; presses < TAB_LIMIT; presses++) {
            WebElement focused = page.active();
            String name = focused.getAttribute("name");
            if (name != null && left.containsKey(name) && inForm(focused)) {
                fill(focused, left.remove(name));
            }
            if (left.isEmpty() && "submit".equals(focused.getAttribute("type")) && inForm(focused)) {
                page.press(Keys.ENTER);
                return;
            }
            page.press(Keys.TAB);
        }
        throw new AssertionError("Tab never reached the fields " + left.keySet() + " and then the submit button");
    }

    private void fill(WebElement field, String value) {
        if ("select".equals(field.getTagName())) {
            page.press(Keys.HOME);
            for (int i = 0; i < 300 && !value.equals(field.getAttribute("value")); i++) {
                page.press(Keys.ARROW_DOWN);
            }
            if (!value.equals(field.getAttribute("value"))) {
                throw new AssertionError("no option " + value + " in " + field.getAttribute("name"));
            }
            return;
        }
        if ("date".equals(field.getAttribute("type"))) {
            // a date field takes its parts in the locale's order: en-US, as the browser is started, is mm dd yyyy
            page.press(value.substring(5, 7), value.substring(8, 10), value.substring(0, 4));
            return;
        }
        page.replaceFocusedText(value);
        if (!value.equals(field.getAttribute("value"))) {
            throw new AssertionError("typed " + value + " into " + field.getAttribute("name") + ", which holds "
                    + field.getAttribute("value"));
        }
    }

    private boolean inForm(WebElement element) {
        return Boolean.TRUE.equals(page.driver().executeScript(
                "return !!arguments[0].closest('form#record-round')", element));
    }
}
