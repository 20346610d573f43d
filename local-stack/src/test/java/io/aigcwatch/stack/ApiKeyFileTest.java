package io.aigcwatch.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiKeyFileTest {

    @Test
    void theFirstStartMakesAnAdminAndAReadOnlyKeyThatOnlyTheOwnerCanRead(@TempDir Path home) throws Exception {
        Path file = home.resolve("api-keys");
        ApiKeys keys = ApiKeyFile.loadOrCreate(file);

        assertTrue(keys.spec().matches("aw_[A-Za-z0-9_-]{32}=read\\+write\\+admin,aw_[A-Za-z0-9_-]{32}=read"), keys.spec());
        assertEquals(keys.spec().substring(0, 35), keys.adminKey().orElseThrow());
        assertEquals(keys.spec().substring(53, 88), keys.readOnlyKey().orElseThrow());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(file.toString(), keys.origin());
    }

    @Test
    void laterStartsReuseTheKeyAndTightenALooseMode(@TempDir Path home) throws Exception {
        Path file = home.resolve("api-keys");
        ApiKeys first = ApiKeyFile.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        ApiKeys second = ApiKeyFile.loadOrCreate(file);

        assertEquals(first, second);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertNotEquals(ApiKeyFile.newKey(), ApiKeyFile.newKey());
    }

    @Test
    void aHandWrittenFileMayHoldSeveralKeysAndComments(@TempDir Path home) throws Exception {
        Path file = home.resolve("api-keys");
        Files.writeString(file, "# mine\naw_reader=read\n\naw_boss=read+write+admin\n");

        ApiKeys keys = ApiKeyFile.loadOrCreate(file);

        assertEquals("aw_reader=read,aw_boss=read+write+admin", keys.spec());
        assertEquals("aw_boss", keys.adminKey().orElseThrow());
        assertEquals("aw_reader", keys.readOnlyKey().orElseThrow());
    }

    @Test
    void anEmptyFileIsAnErrorNotASilentStackWithoutKeys(@TempDir Path home) throws Exception {
        Path file = home.resolve("api-keys");
        Files.writeString(file, "# nothing\n");

        StackException error = assertThrows(StackException.class, () -> ApiKeyFile.loadOrCreate(file));
        assertTrue(error.getMessage().contains("delete it"), error.getMessage());
    }
}
