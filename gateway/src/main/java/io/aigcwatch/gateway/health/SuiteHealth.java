package io.aigcwatch.gateway.health;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/**
 * The answer of {@code GET /api/health}.
 *
 * @param status   UP when every service, the gateway included, is UP; DOWN otherwise
 * @param services each service's own status, by name
 */
@Serdeable
record SuiteHealth(String status, Map<String, String> services) {
    static final String UP = "UP";
    static final String DOWN = "DOWN";

    static SuiteHealth of(Map<String, String> services) {
        boolean allUp = services.values().stream().allMatch(UP::equals);
        return new SuiteHealth(allUp ? UP : DOWN, services);
    }

    boolean isUp() {
        return UP.equals(status);
    }
}
