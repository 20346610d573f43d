package io.aigcwatch.notification.caller;

import io.aigcwatch.kit.caller.CallerHeaders;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.util.Optional;
import java.util.Set;

/**
 * The API key a request comes from, as the gateway named it in {@link CallerHeaders}. Webhooks belong to it.
 *
 * @param id     the key's non-secret id, what a webhook's owner is
 * @param scopes the key's scopes by their wire names
 */
public record Caller(String id, Set<String> scopes) {
    public static final String READ = "read";
    public static final String ADMIN = "admin";
    /** The request attribute under which {@link CallerFilter} leaves the caller. */
    static final String ATTRIBUTE = "aigcwatch.caller";

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    /** Empty when the gateway named no key: the request did not come through it, or came without a key. */
    static Optional<Caller> from(HttpHeaders headers) {
        String id = headers.get(CallerHeaders.KEY);
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String scopes = headers.get(CallerHeaders.SCOPES);
        return Optional.of(new Caller(id.strip(), scopes == null ? Set.of() : CallerHeaders.scopes(scopes)));
    }

    /** The caller of a request that passed {@link CallerFilter}. */
    public static Caller of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Caller.class)
                .orElseThrow(() -> new IllegalStateException("no caller: " + request.getPath() + " is not behind CallerFilter"));
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }
}
