package io.aigcwatch.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassArchiveTest {

    @Test
    void aNewJarIsArchivedAtItsFirstCleanStopAndReadFromThenOn(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("gateway.jar"), "jar");
        // Built a minute before it first runs, as in life; the same clock tick for both would prove nothing.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        Path cds = dir.resolve("cds");
        ClassArchive archive = new ClassArchive(cds, "gateway", jar);

        assertEquals(List.of("-Xlog:cds*=error", "-XX:ArchiveClassesAtExit=" + cds.resolve("gateway.jsa.pending")),
                archive.jvmOptions());
        Files.writeString(cds.resolve("gateway.jsa.pending"), "as the JVM leaves it at exit");
        archive.afterStop(true);

        assertTrue(archive.isCurrent());
        assertEquals(List.of("-Xlog:cds*=error", "-XX:SharedArchiveFile=" + cds.resolve("gateway.jsa")),
                archive.jvmOptions());
    }

    @Test
    void aKilledServiceLeavesNoArchiveAndARebuiltJarMakesTheOldOneStale(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("gateway.jar"), "jar");
        Path cds = dir.resolve("cds");
        ClassArchive archive = new ClassArchive(cds, "gateway", jar);
        archive.jvmOptions();
        Files.writeString(cds.resolve("gateway.jsa.pending"), "torn");

        archive.afterStop(false);

        assertFalse(Files.exists(cds.resolve("gateway.jsa.pending")));
        assertFalse(Files.exists(cds.resolve("gateway.jsa")));

        Files.writeString(cds.resolve("gateway.jsa"), "from the last build");
        Files.setLastModifiedTime(cds.resolve("gateway.jsa"), FileTime.from(Instant.now().minusSeconds(60)));
        assertFalse(archive.isCurrent(), "the jar is newer than its archive");
    }
}
