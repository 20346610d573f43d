package io.aigcwatch.stack;

import io.aigcwatch.testkit.stack.StackLauncher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The launcher in a JVM of its own, run from this module's classes (local-stack.jar is not packaged yet when its
 * tests run), through test-kit's {@link StackLauncher}, which api-tests shares with the packaged jar.
 */
final class LauncherProcess {
    private LauncherProcess() {
    }

    static Process launch(Path repo, Map<String, String> env, Path output) throws IOException {
        return StackLauncher.launch(repo, List.of("-cp", System.getProperty("java.class.path"),
                LocalStack.class.getName()), env, output);
    }

    static void awaitUp(Process launcher, Path output, Duration timeout) {
        StackLauncher.awaitUp(launcher, output, timeout);
    }

    /** Every service the launcher runs, then PostgreSQL and Kafka, on the given ports, in a fresh home. */
    static Map<String, String> environment(Path home, List<Integer> ports) {
        return StackLauncher.environment(home, Arrays.stream(Service.values())
                .map(service -> service.portVariable().replaceAll("^AIGCWATCH_|_PORT$", "")).toList(), ports);
    }
}
