package io.aigcwatch.contract.dashboard;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * One headless Chromium for every test class of the JVM that asks for a {@link Browser}: a start costs seconds, and
 * the tests share the stack anyway. It quits when the last test is done (JUnit closes the root store's values).
 * When a test fails, the page it left (screenshot, console, HTML) goes to {@code target/browser-failures/}, named by
 * class and method, so that a red CI run shows what the browser showed.
 */
public final class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback {
    static final Path FAILURES = Path.of("target", "browser-failures");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Browser.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Browser.class, type -> {
            try {
                return Chromium.start(Path.of("target", "chromium").toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Browser.class);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        Browser browser = context.getRoot().getStore(NAMESPACE).get(Browser.class, Browser.class);
        if (context.getExecutionException().isEmpty() || browser == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        browser.saveEvidence(FAILURES.toAbsolutePath(), name);
    }
}
