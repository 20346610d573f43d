package io.aigcwatch.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The credential the gateway shows the services (AIGCWATCH_INTERNAL_CREDENTIAL), made at random on a stack home's
 * first start and kept in it, readable by its owner only. Never printed: nobody but the stack's own processes needs
 * it, and a tool that must reach a service directly reads it from here.
 */
final class InternalCredentialFile {
    static final String NAME = "internal-credential";
    private static final SecureRandom RANDOM = new SecureRandom();

    private InternalCredentialFile() {
    }

    static String loadOrCreate(Path home) {
        Path file = home.resolve(NAME);
        try {
            if (!Files.exists(file)) {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                OwnerOnlyFile.write(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n");
            }
            String credential = OwnerOnlyFile.read(file).strip();
            if (credential.isEmpty()) {
                throw new StackException(file + " is empty: delete it to have a new credential made");
            }
            return credential;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the internal credential file " + file, e);
        }
    }
}
