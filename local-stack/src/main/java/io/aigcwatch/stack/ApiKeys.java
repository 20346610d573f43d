package io.aigcwatch.stack;

import java.util.Arrays;
import java.util.Optional;

/**
 * The value the gateway gets as AIGCWATCH_API_KEYS: comma-separated {@code KEY=scope+scope} entries.
 *
 * @param spec   the value as the gateway reads it
 * @param origin where it came from, for the banner
 */
record ApiKeys(String spec, String origin) {

    static ApiKeys fromEnvironment(String spec) {
        return new ApiKeys(spec.trim(), "AIGCWATCH_API_KEYS");
    }

    /** The first key with the admin scope, if there is one. */
    Optional<String> adminKey() {
        return Arrays.stream(spec.split(","))
                .map(String::trim)
                .filter(entry -> entry.contains("="))
                .filter(entry -> Arrays.asList(entry.substring(entry.indexOf('=') + 1).split("\\+")).contains("admin"))
                .map(entry -> entry.substring(0, entry.indexOf('=')))
                .findFirst();
    }
}
