package io.aigcwatch.notification.webhook;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Secrets in the Standard Webhooks form, {@code whsec_} followed by the base64 of the key's bytes, so that receivers
 * can verify with any Standard Webhooks library as well as by hand.
 */
public final class WebhookSecret {
    static final String PREFIX = "whsec_";
    static final int MIN_KEY_BYTES = 24;
    static final int MAX_KEY_BYTES = 64;
    /** The prefix and the padded base64 of {@link #MAX_KEY_BYTES}: anything longer is refused before it is decoded. */
    static final int MAX_LENGTH = PREFIX.length() + (MAX_KEY_BYTES + 2) / 3 * 4;
    private static final int GENERATED_KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    public static String generate() {
        byte[] key = new byte[GENERATED_KEY_BYTES];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** @return what is wrong with a secret a client chose, or empty when it will do */
    static Optional<String> problemWith(String secret) {
        String expected = "must be " + PREFIX + " followed by the base64 of " + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES
                + " random bytes, or left out to have one generated";
        if (secret.length() > MAX_LENGTH || !secret.startsWith(PREFIX)) {
            return Optional.of(expected);
        }
        try {
            int length = key(secret).length;
            return length >= MIN_KEY_BYTES && length <= MAX_KEY_BYTES ? Optional.empty() : Optional.of(expected);
        } catch (IllegalArgumentException e) {
            return Optional.of(expected);
        }
    }

    /** The HMAC key: the bytes the secret's base64 part encodes. */
    public static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }
}
