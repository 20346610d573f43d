package io.aigcwatch.gateway.access;

import io.micronaut.context.exceptions.ConfigurationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code AIGCWATCH_API_KEYS}: comma-separated entries {@code KEY=scope+scope}, as the local stack writes them,
 * or {@code sha256:<64 hex digits>=scope+scope} so that an operator need not put the key itself in the
 * configuration. Scopes are {@code read}, {@code write} and {@code admin}. A bad entry stops the gateway with a
 * message that names the entry by its position, never by the key it holds.
 */
final class ApiKeySpec {
    static final String SOURCE = "aigcwatch.gateway.api-keys (AIGCWATCH_API_KEYS)";
    private static final String HASHED = "sha256:";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern UNSAFE_IN_HEADER = Pattern.compile("[\\s\\p{Cntrl}]");

    private ApiKeySpec() {
    }

    static List<KnownKey> parse(String spec) {
        List<String> entries = Arrays.stream(spec.split(",")).map(String::trim).filter(e -> !e.isEmpty()).toList();
        List<KnownKey> keys = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = SOURCE + ", entry " + (i + 1) + " of " + entries.size();
            KnownKey key = entry(entries.get(i), where);
            for (int earlier = 0; earlier < keys.size(); earlier++) {
                if (MessageDigest.isEqual(keys.get(earlier).sha256(), key.sha256())) {
                    throw new ConfigurationException(where + ": the same key as entry " + (earlier + 1));
                }
            }
            keys.add(key);
        }
        return List.copyOf(keys);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Split at the last {@code =}: scopes never hold one, while a key might. */
    private static KnownKey entry(String entry, String where) {
        int equals = entry.lastIndexOf('=');
        if (equals < 0) {
            throw new ConfigurationException(where + ": expected KEY=scope+scope (scopes: " + scopeNames() + ")");
        }
        String key = entry.substring(0, equals).trim();
        Set<Scope> scopes = scopes(entry.substring(equals + 1), where);
        if (key.isEmpty()) {
            throw new ConfigurationException(where + ": the key before '=' is empty");
        }
        if (UNSAFE_IN_HEADER.matcher(key).find()) {
            throw new ConfigurationException(where + ": a key cannot hold spaces or control characters");
        }
        if (!key.regionMatches(true, 0, HASHED, 0, HASHED.length())) {
            return new KnownKey(sha256(key), scopes);
        }
        String hex = key.substring(HASHED.length());
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new ConfigurationException(where + ": " + HASHED + " must be followed by 64 hex digits");
        }
        return new KnownKey(HexFormat.of().parseHex(hex), scopes);
    }

    private static Set<Scope> scopes(String names, String where) {
        if (names.isBlank()) {
            throw new ConfigurationException(where + ": no scope after '='; scopes are " + scopeNames());
        }
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : names.split("\\+")) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            Scope scope = Arrays.stream(Scope.values()).filter(s -> s.wireName().equals(wanted)).findFirst()
                    .orElseThrow(() -> new ConfigurationException(where + ": '" + name.trim()
                            + "' is not a scope; scopes are " + scopeNames()));
            scopes.add(scope);
        }
        return scopes;
    }

    private static String scopeNames() {
        return String.join(", ", Arrays.stream(Scope.values()).map(Scope::wireName).toList());
    }
}
