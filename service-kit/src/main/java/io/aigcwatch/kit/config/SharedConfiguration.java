package io.aigcwatch.kit.config;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives every application that has service-kit on its classpath the settings all of them share (metrics, health,
 * Kafka, and the datasource and Flyway where there is a database), so that each {@code application.yml} keeps only
 * what is its own. The shared files rank below {@code application.yml}, so a service overrides any of them, and
 * environment variables and system properties override both as usual.
 *
 * <p>Found through {@code META-INF/services}: Micronaut applies every such configurer to every context it builds,
 * the services' {@code main} and the tests' contexts alike.
 */
public final class SharedConfiguration implements ApplicationContextConfigurer {
    /** Below application.yml (-300), so that a service's own file wins. */
    static final int POSITION = -350;
    static final String COMMON = "aigcwatch/common.yml";
    /** Only where a datasource can exist: a stateless application must not be handed database settings. */
    static final String PERSISTENCE = "aigcwatch/persistence.yml";
    private static final String POOL_CLASS = "com.zaxxer.hikari.HikariDataSource";

    @Override
    public void configure(ApplicationContextBuilder builder) {
        builder.propertySources(sources(getClass().getClassLoader()).toArray(PropertySource[]::new));
    }

    static List<PropertySource> sources(ClassLoader classLoader) {
        List<PropertySource> sources = new ArrayList<>();
        sources.add(read(classLoader, COMMON, POSITION));
        if (hasConnectionPool(classLoader)) {
            sources.add(read(classLoader, PERSISTENCE, POSITION - 1));
        }
        return sources;
    }

    private static boolean hasConnectionPool(ClassLoader classLoader) {
        try {
            Class.forName(POOL_CLASS, false, classLoader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static PropertySource read(ClassLoader classLoader, String resource, int position) {
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from service-kit");
            }
            Map<String, Object> values = new YamlPropertySourceLoader().read(resource, in);
            return PropertySource.of("service-kit:" + resource, values, position);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
