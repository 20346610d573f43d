package io.aigcwatch.infra;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Servers that somebody else runs, named by {@code AIGCWATCH_*} environment variables. */
public final class ExternalServers {
    static final String KAFKA_BOOTSTRAP_SERVERS = "AIGCWATCH_KAFKA_BOOTSTRAP_SERVERS";
    static final String POSTGRES_URL = "AIGCWATCH_POSTGRES_URL";
    static final String POSTGRES_USER = "AIGCWATCH_POSTGRES_USER";
    static final String POSTGRES_PASSWORD = "AIGCWATCH_POSTGRES_PASSWORD";

    private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");

    private ExternalServers() {
    }

    /** Whether {@code env} names both a Kafka broker and a PostgreSQL server. */
    public static boolean namedIn(Map<String, String> env) {
        return notBlank(env.get(KAFKA_BOOTSTRAP_SERVERS)) && notBlank(env.get(POSTGRES_URL));
    }

    static PostgresServer postgres(Map<String, String> env) {
        String url = require(env, POSTGRES_URL);
        Matcher matcher = DATABASE_IN_URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(POSTGRES_URL + " must look like jdbc:postgresql://host:port/database, not " + url);
        }
        String user = Objects.requireNonNullElse(env.get(POSTGRES_USER), "postgres");
        String password = Objects.requireNonNullElse(env.get(POSTGRES_PASSWORD), "");
        return new PostgresServer() {
            @Override
            public String jdbcUrl(String database) {
                return matcher.group(1) + database + Objects.requireNonNullElse(matcher.group(3), "");
            }

            @Override
            public String maintenanceDatabase() {
                return matcher.group(2).isEmpty() ? "postgres" : matcher.group(2);
            }

            @Override
            public String username() {
                return user;
            }

            @Override
            public String password() {
                return password;
            }

            @Override
            public void close() {
                // not ours to stop
            }
        };
    }

    static KafkaServer kafka(Map<String, String> env) {
        String bootstrap = require(env, KAFKA_BOOTSTRAP_SERVERS);
        return new KafkaServer() {
            @Override
            public String bootstrapServers() {
                return bootstrap;
            }

            @Override
            public void close() {
                // not ours to stop
            }
        };
    }

    private static String require(Map<String, String> env, String name) {
        String value = env.get(name);
        if (!notBlank(value)) {
            throw new IllegalStateException("external servers need the environment variable " + name);
        }
        return value;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
