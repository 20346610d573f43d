package io.aigcwatch.contract.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A synthetic data set from the packaged launcher's own generator ({@code SyntheticRounds}, docs/synthetic-data.md),
 * run as {@code ./aigcwatch generate} runs it: in a JVM of its own from {@code local-stack.jar}, which this module
 * has packaged before its tests (its pom dependency). Not on the test classpath: the shaded jar carries its own copy
 * of every library.
 */
final class GeneratedRounds {
    private GeneratedRounds() {
    }

    /** Writes {@code rounds} rounds (seed {@code seed}, up to today) as CSV to {@code file}. */
    static Path csv(Path file, int rounds, long seed) throws IOException, InterruptedException {
        Path jar = DashboardTarget.repo().resolve("local-stack").resolve("target").resolve("local-stack.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: package local-stack first");
        Files.createDirectories(file.getParent());
        Path log = file.resolveSibling(file.getFileName() + ".log");
        Process generator = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", jar.toString(), "io.aigcwatch.stack.generate.GenerateCommand",
                "--rounds", Integer.toString(rounds), "--seed", Long.toString(seed), "--out", file.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!generator.waitFor(2, TimeUnit.MINUTES)) {
            generator.destroyForcibly();
            throw new AssertionError("the generator took over two minutes: " + Files.readString(log));
        }
        assertEquals(0, generator.exitValue(), () -> "the generator failed: " + readQuietly(log));
        return file;
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }
}
