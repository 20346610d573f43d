package io.aigcwatch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.Collectors;

/**
 * The stack's own keys, made on the first start and kept in the home, so that scripts and bookmarks that hold them
 * go on working after a restart: an admin key, and a read-only one to try what a reader may and may not do.
 */
final class ApiKeyFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeyFile() {
    }

    static ApiKeys loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                OwnerOnlyFile.write(file, newKey() + "=read+write+admin\n" + newKey() + "=read\n");
            }
            String spec = OwnerOnlyFile.read(file).lines()
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.joining(","));
            if (spec.isEmpty()) {
                throw new StackException(file + " holds no API key: delete it to have a new one made");
            }
            return new ApiKeys(spec, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the API key file " + file, e);
        }
    }

    /** {@code aw_} and 32 URL-safe characters: 192 random bits. */
    static String newKey() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return "aw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
