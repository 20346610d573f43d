package io.aigcwatch.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/** The launcher in a JVM of its own, as {@code ./aigcwatch up} runs it, for tests that watch it from outside. */
final class LauncherProcess {
    private LauncherProcess() {
    }

    /** Only the given AIGCWATCH_ variables reach it: a developer's own exports must not steer a test's stack. */
    static Process launch(Path repo, Map<String, String> env, Path output) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + StackConfig.REPO_PROPERTY + "=" + repo, "-cp", System.getProperty("java.class.path"),
                LocalStack.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AIGCWATCH_"));
        environment.putAll(new HashMap<>(env));
        return builder.start();
    }

    /** Until the banner says the stack is up; fails at once, with what the launcher said, if it exits first. */
    static void awaitUp(Process launcher, Path output, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!launcher.isAlive()) {
                fail("the launcher exited with " + launcher.exitValue() + ":\n" + Files.readString(output));
            }
            return Files.readString(output).contains("local stack is up");
        });
    }
}
