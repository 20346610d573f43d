package io.aigcwatch.testkit.stack;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One {@link LocalStackRun} for every test class of the JVM that asks for it, as a parameter: a start costs a minute
 * or two, so it happens once, and the stack stops when the last test is done (JUnit closes the root store's values).
 * The repository is {@code -Daigcwatch.repo}, else the nearest directory above that holds the reactor. Each system
 * property {@code aigcwatch.stack-env.NAME=VALUE} sets the variable NAME for the stack, such as a rate limit.
 *
 * <pre>{@code
 * @ExtendWith(LocalStackExtension.class)
 * class SmokeTest {
 *     @Test
 *     void roundTrip(LocalStackRun stack) { ... stack.gateway() ... stack.adminKey() ... }
 * }
 * }</pre>
 */
public final class LocalStackExtension implements ParameterResolver {
    private static final String SETTING = "aigcwatch.stack-env.";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalStackRun.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStackRun.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(LocalStackRun.class, type -> {
            try {
                Path repo = repo();
                return LocalStackRun.start(repo, Path.of("target", "local-stack").toAbsolutePath(), settings());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, LocalStackRun.class);
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(SETTING))
                .forEach(name -> settings.put(name.substring(SETTING.length()), System.getProperty(name)));
        return settings;
    }

    private static Path repo() {
        String named = System.getProperty(StackLauncher.REPO_PROPERTY);
        if (named != null && !named.isBlank()) {
            return Path.of(named).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("local-stack"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the aigcwatch repository: pass -D" + StackLauncher.REPO_PROPERTY);
    }
}
