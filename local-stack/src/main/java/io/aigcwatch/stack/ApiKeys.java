package io.aigcwatch.stack;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

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
        return firstKey(scopes -> scopes.contains("admin"));
    }

    /** The first key with the write scope, if there is one: what {@code ./aigcwatch import} uploads with. */
    Optional<String> writeKey() {
        return firstKey(scopes -> scopes.contains("write"));
    }

    /** The first key that may only read, if there is one. */
    Optional<String> readOnlyKey() {
        return firstKey(scopes -> scopes.equals(List.of("read")));
    }

    private Optional<String> firstKey(Predicate<List<String>> scopesWanted) {
        return Arrays.stream(spec.split(","))
                .map(String::trim)
                .filter(entry -> entry.contains("="))
                .filter(entry -> scopesWanted.test(Arrays.asList(entry.substring(entry.indexOf('=') + 1).split("\\+"))))
                .map(entry -> entry.substring(0, entry.indexOf('=')))
                .findFirst();
    }
}
