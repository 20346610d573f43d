package io.aigcwatch.contract.dashboard;

import io.aigcwatch.testkit.stack.LocalStackExtension;
import io.aigcwatch.testkit.stack.LocalStackRun;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every browser test class of the dashboard starts from: the real local stack, the JVM's one headless Chromium,
 * the public API beside it (to read what the page must show) and the page helpers. One place, so that a class
 * cannot start the stack or the browser in a way of its own.
 */
@ExtendWith({LocalStackExtension.class, BrowserExtension.class})
abstract class DashboardBrowserTestBase {
    final LocalStackRun stack;
    final Browser browser;
    final StackApi api;
    final DashboardPage page;

    DashboardBrowserTestBase(LocalStackRun stack, Browser browser) {
        this.stack = stack;
        this.browser = browser;
        this.api = new StackApi(stack);
        this.page = new DashboardPage(browser, stack.gateway());
    }
}
