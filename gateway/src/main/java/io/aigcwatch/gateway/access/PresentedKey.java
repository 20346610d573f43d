package io.aigcwatch.gateway.access;

import io.micronaut.http.HttpHeaders;

import java.util.Optional;

/** The key a request carries: {@code X-API-Key}, or else {@code Authorization: Bearer <key>}. */
final class PresentedKey {
    static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private PresentedKey() {
    }

    /**
     * Empty only when the request carries no credential at all. Any other {@code Authorization} scheme counts as a
     * credential, one that never matches a key: a client that sends one expects to be checked, not served anonymously.
     */
    static Optional<String> of(HttpHeaders headers) {
        String apiKey = headers.get(HEADER);
        if (apiKey != null) {
            return Optional.of(apiKey.trim());
        }
        String authorization = headers.get(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return Optional.empty();
        }
        boolean bearer = authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
        return Optional.of(bearer ? authorization.substring(BEARER.length()).trim() : authorization);
    }
}
