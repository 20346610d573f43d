package io.aigcwatch.stack;

import java.time.Duration;
import java.util.Locale;

/** What the user needs once the stack is up: where everything answers, the key to use, where the logs are. */
final class Banner {
    private Banner() {
    }

    static String render(StackConfig config, Infra infra, ApiKeys keys, Duration startup) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%naigcwatch local stack is up, healthy in %.1f s%n%n",
                startup.toMillis() / 1000.0));
        String gateway = "http://localhost:" + config.port(Service.GATEWAY);
        line(text, "gateway", gateway + "  (public API under /api)");
        line(text, "dashboard", gateway + "/  (open it in a browser)");
        for (Service service : Service.values()) {
            if (service.isBackend()) {
                line(text, service.module(), "http://127.0.0.1:" + config.port(service)
                        + "  (loopback only; answers the gateway's internal credential)");
            }
        }
        line(text, "Kafka", infra.bootstrapServers());
        line(text, "PostgreSQL", infra.jdbcUrl() + "  (user " + infra.username() + ")");
        String key = keys.adminKey().orElse(null);
        if (key != null && !keys.origin().equals("AIGCWATCH_API_KEYS")) {
            line(text, "admin API key", key + "  (kept in " + keys.origin() + ")");
            keys.readOnlyKey().ifPresent(reader -> line(text, "read-only API key", reader));
        } else {
            line(text, "API keys", "as set in AIGCWATCH_API_KEYS");
        }
        line(text, "API docs", gateway + "/api/docs  (OpenAPI: " + gateway + "/api/openapi.yml)");
        line(text, "logs", config.logs() + "/<service>.log");
        line(text, "data", config.home() + "  (kept across restarts)");
        text.append(String.format("%n  try:  curl -H 'X-API-Key: %s' %s/api/funding-events%n",
                key == null ? "<your key>" : key, gateway));
        text.append("  Ctrl-C stops everything.\n");
        return text.toString();
    }

    private static void line(StringBuilder text, String what, String where) {
        text.append(String.format("  %-20s %s%n", what, where));
    }
}
