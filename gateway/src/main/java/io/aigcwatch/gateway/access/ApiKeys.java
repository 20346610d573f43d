package io.aigcwatch.gateway.access;

import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * The keys the gateway accepts, held as hashes only. Read when the gateway starts ({@link Context}), so that a bad
 * {@code AIGCWATCH_API_KEYS} stops it at once instead of failing the first request.
 */
@Context
final class ApiKeys {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);
    /** Longer than any key the stack makes or a person would choose; anything longer is no key, and not hashed. */
    static final int MAX_KEY_LENGTH = 256;

    private final List<KnownKey> keys;

    ApiKeys(AccessConfig config) {
        this.keys = ApiKeySpec.parse(config.apiKeys() == null ? "" : config.apiKeys());
        if (keys.isEmpty()) {
            LOG.warn("{} holds no key: every /api request that needs a scope is refused{}", ApiKeySpec.SOURCE,
                    config.anonymousRead() ? ", except anonymous reads" : "");
        } else {
            LOG.info("{} API keys accepted: {}", keys.size(), keys.stream().map(key -> key.caller().id()).toList());
        }
    }

    /**
     * The caller a presented key belongs to. Compares with every known hash, without stopping at a match, so that
     * how long this takes tells nothing about which keys exist.
     */
    Optional<Caller> identify(String presented) {
        if (presented.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        byte[] hash = ApiKeySpec.sha256(presented);
        KnownKey found = null;
        for (KnownKey key : keys) {
            boolean matches = MessageDigest.isEqual(key.sha256(), hash);
            found = matches ? key : found;
        }
        return Optional.ofNullable(found).map(KnownKey::caller);
    }
}
