package io.aigcwatch.stack;

import java.util.LinkedHashMap;
import java.util.Map;

/** The environment variables one service is started with, on top of the launcher's own environment. */
final class ServiceEnvironment {
    private ServiceEnvironment() {
    }

    /** The interface a backend listens on: the gateway reaches it on this machine, and nobody else should. */
    static final String BACKEND_HOST = "127.0.0.1";

    /** @param credential what the gateway shows the backends, and they demand of every caller */
    static Map<String, String> of(Service service, StackConfig config, Infra infra, ApiKeys keys, String credential) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AIGCWATCH_INTERNAL_CREDENTIAL", credential);
        // The gateway too reads Kafka, for the change stream; only the backends have a database.
        env.put("AIGCWATCH_KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers());
        if (service.isBackend()) {
            // the gateway keeps its binding: it is the one door, with its API keys
            env.put("MICRONAUT_SERVER_HOST", BACKEND_HOST);
            env.put("AIGCWATCH_POSTGRES_URL", infra.jdbcUrl());
            env.put("AIGCWATCH_POSTGRES_USER", infra.username());
            env.put("AIGCWATCH_POSTGRES_PASSWORD", infra.password());
        }
        // Every service learns every port and URL: the gateway routes to the others, and a service that meets a
        // company by name resolves it through funding-service.
        for (Service each : Service.values()) {
            env.put(each.portVariable(), Integer.toString(config.port(each)));
            if (each.isBackend()) {
                env.put(each.urlVariable(), "http://" + BACKEND_HOST + ":" + config.port(each));
            }
        }
        if (service == Service.GATEWAY) {
            env.put("AIGCWATCH_API_KEYS", keys.spec());
            // On a developer's own machine reading needs no key, so a browser or plain curl can look around;
            // writing still does.
            env.put("AIGCWATCH_ANONYMOUS_READ", "true");
        } else {
            // Only the gateway checks keys; a backend must not see a value the user exported for the gateway.
            env.put("AIGCWATCH_API_KEYS", "");
        }
        if (service == Service.NOTIFICATION) {
            // On a developer's own machine a webhook may point at a receiver on it, which a shared deployment refuses.
            env.put("AIGCWATCH_WEBHOOKS_ALLOW_PRIVATE", "true");
        }
        return env;
    }
}
