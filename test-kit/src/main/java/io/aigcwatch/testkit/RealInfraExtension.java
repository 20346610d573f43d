package io.aigcwatch.testkit;

import io.aigcwatch.infra.Servers;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the real servers once per test JVM and gives each test class its own database and topic prefix.
 *
 * <p>The servers are stopped when JUnit closes its root context, after every class's own resources, so a
 * Micronaut context that a class closes in {@code @AfterAll} (as {@code @MicronautTest} does) is always gone
 * before the broker stops; Kafka clients left behind a stopped broker would retry for about 30 s.
 *
 * <p>Use it with {@code @ExtendWith(RealInfraExtension.class)} placed before {@code @MicronautTest}, and have a
 * {@code TestPropertyProvider} return {@code RealInfraExtension.forClass(getClass()).serviceProperties()}; or take
 * a {@link TestInfra} parameter.
 */
public final class RealInfraExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealInfraExtension.class);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Map<Class<?>, TestInfra> PER_CLASS = new ConcurrentHashMap<>();
    private static volatile ServersResource shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ServersResource.class, key -> servers(),
                ServersResource.class);
        forClass(context.getRequiredTestClass());
    }

    /** The class's share of the servers, starting them first if no test has yet. */
    public static TestInfra forClass(Class<?> testClass) {
        return PER_CLASS.computeIfAbsent(testClass, RealInfraExtension::allocate);
    }

    private static TestInfra allocate(Class<?> testClass) {
        Servers servers = servers().servers;
        int sequence = SEQUENCE.incrementAndGet();
        String database = TestInfra.databaseNameFor(testClass, sequence);
        servers.postgres().ensureDatabase(database);
        return new TestInfra(servers, database, database + ".");
    }

    private static synchronized ServersResource servers() {
        if (shared == null) {
            shared = new ServersResource(InfraMode.fromEnvironment().start(testHome(), Servers.Ports.ANY, false));
        }
        return shared;
    }

    private static Path testHome() {
        try {
            Path base = Path.of(System.getProperty("aigcwatch.home", System.getProperty("java.io.tmpdir")));
            Files.createDirectories(base);
            return Files.createTempDirectory(base, "infra-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestInfra.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return forClass(context.getRequiredTestClass());
    }

    /** Closed by JUnit when the whole run ends. */
    private static final class ServersResource implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        private final Servers servers;

        private ServersResource(Servers servers) {
            this.servers = servers;
        }

        @Override
        public void close() {
            synchronized (RealInfraExtension.class) {
                shared = null;
                PER_CLASS.clear();
            }
            servers.close();
        }
    }
}
