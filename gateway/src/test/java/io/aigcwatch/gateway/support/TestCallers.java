package io.aigcwatch.gateway.support;

import java.util.Map;

/**
 * Lets a test say who is calling, with a header, until tests use real API keys: a stand-in for the access filter,
 * which only tests that ask for it get.
 */
public final class TestCallers {
    /** {@code <caller id>} or {@code <caller id>;<scope>,<scope>}, such as {@code alice;read} or {@code ops;admin}. */
    public static final String HEADER = "X-Test-Caller";
    static final String ENABLED = "aigcwatch.test.caller-header";

    private TestCallers() {
    }

    /** The gateway property that turns the header on. */
    public static Map<String, Object> enabled() {
        return Map.of(ENABLED, true);
    }
}
