package io.aigcwatch.kit.internal;

import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The internal credential as configured: what the gateway sends on every request to a service, and what a service
 * demands of every request but health. Read at startup ({@link Context}), so that a missing one is said at once.
 */
@Context
public final class InternalCredential {
    /** The header that carries it. The gateway drops any copy a client sent before it sets its own. */
    public static final String HEADER = "X-Aigcwatch-Internal-Credential";
    public static final String VARIABLE = "AIGCWATCH_INTERNAL_CREDENTIAL";
    private static final Logger LOG = LoggerFactory.getLogger(InternalCredential.class);

    private final Optional<String> value;
    private final Optional<byte[]> digest;

    InternalCredential(InternalCredentialConfig config) {
        this.value = Optional.ofNullable(config.credential()).map(String::strip).filter(text -> !text.isEmpty());
        this.digest = value.map(InternalCredential::sha256);
        if (value.isEmpty()) {
            LOG.error("{} (aigcwatch.internal.credential) is not set: {}", VARIABLE, config.required()
                    ? "this service refuses every request but /health until it is"
                    : "the services will refuse every request this application sends them");
        }
    }

    /** One made from a value rather than from configuration, for tests and tools; null or blank is none. */
    public static InternalCredential of(String credential) {
        return new InternalCredential(new InternalCredentialConfig(credential, true));
    }

    /** The value to send; empty when none is configured. */
    public Optional<String> value() {
        return value;
    }

    boolean isConfigured() {
        return digest.isPresent();
    }

    /**
     * Compares digests, which have one length whatever was sent, with {@link MessageDigest#isEqual}, which takes as
     * long for a near miss as for a wild one: the time an answer takes tells nothing about the credential.
     */
    boolean matches(String presented) {
        return digest.isPresent() && MessageDigest.isEqual(digest.get(), sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
