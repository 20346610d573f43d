package io.aigcwatch.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs one service jar. */
final class JavaCommand {
    private static final Path SETSID = Path.of("/usr/bin/setsid");

    /** Replaces the start-up tuning, for runs that measure steady-state speed, such as the gateway benchmark. */
    static final String TUNING_VARIABLE = "AIGCWATCH_JVM_OPTIONS";
    /**
     * Tuned for a fast start on two cores: C1 only, one GC thread, small stacks. A local stack never runs long
     * enough for C2 to pay back its compile time.
     */
    private static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
            "-Xshare:auto", "-XX:-UsePerfData");

    private JavaCommand() {
    }

    static List<String> tuning(String replacement) {
        return replacement == null || replacement.isBlank() ? FAST_START : List.of(replacement.trim().split("\\s+"));
    }

    static List<String> forJar(Path jar, List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        // Its own session keeps a terminal's Ctrl-C away from the services, so the launcher alone decides the
        // order they stop in (gateway first, then the backends, then Kafka, then PostgreSQL).
        if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(tuning(System.getenv(TUNING_VARIABLE)));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }
}
