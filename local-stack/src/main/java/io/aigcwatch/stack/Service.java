package io.aigcwatch.stack;

/** The five services the stack runs, each a shaded jar at {@code <module>/target/<module>.jar}. */
enum Service {
    FUNDING("funding-service", "FUNDING", 8081),
    VALUATION("valuation-service", "VALUATION", 8082),
    MARKET("market-service", "MARKET", 8083),
    NOTIFICATION("notification-service", "NOTIFICATION", 8084),
    GATEWAY("gateway", "GATEWAY", 8080);

    private final String module;
    private final String envKey;
    private final int defaultPort;

    Service(String module, String envKey, int defaultPort) {
        this.module = module;
        this.envKey = envKey;
        this.defaultPort = defaultPort;
    }

    String module() {
        return module;
    }

    int defaultPort() {
        return defaultPort;
    }

    String portVariable() {
        return "AIGCWATCH_" + envKey + "_PORT";
    }

    String urlVariable() {
        return "AIGCWATCH_" + envKey + "_URL";
    }

    boolean isBackend() {
        return this != GATEWAY;
    }
}
