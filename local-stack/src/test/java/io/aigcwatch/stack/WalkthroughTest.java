package io.aigcwatch.stack;

import io.aigcwatch.testkit.stack.StackLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.aigcwatch.stack.LauncherProcess.awaitUp;
import static io.aigcwatch.stack.LauncherProcess.launch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docs/walkthrough.md as a reader runs it: every bash block in order, in one shell, against the real local stack
 * (every service jar, embedded PostgreSQL and Kafka) that the launcher starts on free ports in a fresh home. Each
 * step checks what it shows, so a step the suite no longer answers as written fails here, not in a reader's hands.
 */
class WalkthroughTest {
    private static final Pattern BASH_BLOCK = Pattern.compile("(?ms)^```bash\\n(.*?)^```$");
    private static final int SETUP_AND_STEPS = 20;
    private static final Duration STACK_START = Duration.ofMinutes(5);
    private static final Duration WALKTHROUGH_RUN = Duration.ofMinutes(5);
    private static final Duration STACK_STOP = Duration.ofMinutes(2);
    private static final int REPORT_LINES = 80;
    private static final int REPORT_LINE_WIDTH = 300;

    @Test
    void everyStepWorksAndChecksItselfAgainstAFreshStack(@TempDir Path dir) throws Exception {
        List<Integer> ports = StandIns.freePorts(Service.values().length + 3);
        Map<String, String> stackEnv = LauncherProcess.environment(dir.resolve("home"), ports);
        StackConfig config = StackConfig.from(stackEnv, System.getProperties(), Path.of(""));
        requireServiceJars(config);
        List<String> blocks = bashBlocks(config.repoRoot().resolve("docs").resolve("walkthrough.md"));
        assertTrue(blocks.size() >= SETUP_AND_STEPS, "the setup and 19 steps, one bash block each; found "
                + blocks.size());
        Path script = writeScript(dir.resolve("blocks"), blocks);

        Path launcherOutput = dir.resolve("launcher.out");
        Process launcher = launch(config.repoRoot(), stackEnv, launcherOutput);
        try {
            awaitUp(launcher, launcherOutput, STACK_START);
            Path output = dir.resolve("walkthrough.out");
            Process walkthrough = runBash(script, readerDirectory(dir.resolve("reader"), config),
                    readerEnvironment(stackEnv, ports.get(ports.size() - 1), dir.resolve("tmp")), output);
            try {
                if (!walkthrough.waitFor(WALKTHROUGH_RUN.toSeconds(), TimeUnit.SECONDS)) {
                    fail("the walkthrough did not finish within " + WALKTHROUGH_RUN + "\n"
                            + report(output, launcherOutput));
                }
                assertEquals(0, walkthrough.exitValue(), () -> report(output, launcherOutput));
                assertTrue(Files.readString(output).contains("### walkthrough completed"),
                        () -> report(output, launcherOutput));
            } finally {
                walkthrough.descendants().forEach(ProcessHandle::destroyForcibly);
                walkthrough.destroyForcibly();
            }
        } finally {
            StackLauncher.stop(launcher, STACK_STOP);
        }
    }

    private static void requireServiceJars(StackConfig config) {
        for (Service service : Service.values()) {
            assertTrue(Files.isRegularFile(config.jar(service)), () -> config.jar(service) + " is missing:"
                    + " local-stack's pom must depend on " + service.module() + " (type pom, scope test), so that"
                    + " the reactor packages it before this test runs");
        }
    }

    private static List<String> bashBlocks(Path markdown) throws IOException {
        Matcher block = BASH_BLOCK.matcher(Files.readString(markdown));
        List<String> blocks = new ArrayList<>();
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }

    /**
     * One file per block, sourced in order by one shell, so that what a block defines (keys, ids, functions) reaches
     * the next ones as it does in a reader's terminal, and a failure names its block and line.
     */
    private static Path writeScript(Path dir, List<String> blocks) throws IOException {
        Files.createDirectories(dir);
        StringBuilder script = new StringBuilder("set -Eeuo pipefail\n")
                .append("trap 'echo \"### failed: ${BASH_SOURCE[0]##*/} line $LINENO: $BASH_COMMAND\" >&2' ERR\n");
        for (int i = 0; i < blocks.size(); i++) {
            Path block = dir.resolve(String.format("block-%02d.sh", i));
            Files.writeString(block, blocks.get(i));
            script.append("echo '### ").append(block.getFileName()).append("'\n")
                    .append("source '").append(block).append("'\n");
        }
        script.append("echo '### walkthrough completed'\n");
        return Files.writeString(dir.resolve("walkthrough.sh"), script);
    }

    /**
     * Where the reader stands: the walkthrough calls {@code ./aigcwatch tail}. The script would build local-stack.jar
     * first, which the package phase has not made yet when this test runs, so a stand-in for the script runs the same
     * TailTopic from the test's classpath, with the script's logging settings.
     */
    private static Path readerDirectory(Path dir, StackConfig config) throws IOException {
        Files.createDirectories(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String tail = String.join("\n",
                "#!/usr/bin/env bash",
                "[ \"${1:-}\" = tail ] || { echo \"only ./aigcwatch tail is offered here\" >&2; exit 2; }",
                "exec '" + java + "' -Dlogback.configurationFile=local-stack-logback.xml -Daigcwatch.logs='"
                        + config.logs() + "' -cp '" + System.getProperty("java.class.path") + "' "
                        + TailTopic.class.getName() + " \"$2\"",
                "");
        Files.writeString(dir.resolve("aigcwatch"), tail);
        Files.setPosixFilePermissions(dir.resolve("aigcwatch"), PosixFilePermissions.fromString("rwx------"));
        return dir;
    }

    /** What a reader who started the stack with these variables has, plus a free port for step 15's receiver. */
    private static Map<String, String> readerEnvironment(Map<String, String> stackEnv, int hookPort, Path tmp)
            throws IOException {
        Map<String, String> env = new HashMap<>(stackEnv);
        env.put("HOOK_PORT", Integer.toString(hookPort));
        // mktemp puts the steps' files under the test's own directory, which JUnit deletes
        env.put("TMPDIR", Files.createDirectories(tmp).toString());
        return env;
    }

    private static Process runBash(Path script, Path directory, Map<String, String> env, Path output)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AIGCWATCH_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    private static String report(Path walkthroughOutput, Path launcherOutput) {
        return "last lines of the walkthrough's output:\n" + tail(walkthroughOutput)
                + "\n\nthe launcher's output:\n" + tail(launcherOutput);
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.subList(Math.max(0, lines.size() - REPORT_LINES), lines.size()).stream()
                    .map(line -> line.length() > REPORT_LINE_WIDTH ? line.substring(0, REPORT_LINE_WIDTH) + "..." : line)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
