package io.aigcwatch.kit.caller;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, as the gateway established it from the API key, on a request it forwards to a service. Only the
 * gateway sets these: it drops any that a client sent before it sets its own, and a service answers only requests
 * that carry the gateway's {@link io.aigcwatch.kit.internal.InternalCredential}, so a service trusts them. A request
 * from a caller without a key carries neither.
 */
public final class CallerHeaders {
    /** The non-secret id of the calling API key, such as {@code key-1f0c9a3b7d2e}; stable, safe to store and log. */
    public static final String KEY = "X-Aigcwatch-Caller-Key";
    /** The key's scopes by their wire names ({@code read}, {@code write}, {@code admin}), comma-separated. */
    public static final String SCOPES = "X-Aigcwatch-Caller-Scopes";

    private CallerHeaders() {
    }

    /** The {@link #SCOPES} value for these scope names. */
    public static String scopes(Collection<String> names) {
        return names.stream().sorted().collect(Collectors.joining(","));
    }

    /** The scope names a {@link #SCOPES} value holds, in lower case; empty for a blank one. */
    public static Set<String> scopes(String value) {
        return Arrays.stream(value.split(",")).map(name -> name.strip().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
