package io.aigcwatch.stack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * How busy the JIT compilers of the service JVMs are, read from Linux's per-thread CPU counters: the benchmark warms
 * the suite until they go quiet, so that it measures the code the services run for hours, not their first minutes.
 * Under load on two cores, C2 kept compiling for about two minutes, and until it stopped, a POST's p50 was 5 to 40
 * times its steady value.
 */
final class JitActivity {
    private static final Path PROC = Path.of("/proc");

    private JitActivity() {
    }

    /** Whether this system shows per-thread CPU counters; elsewhere the benchmark warms for its fixed minimum only. */
    static boolean measurable() {
        return Files.isDirectory(PROC.resolve("self").resolve("task"));
    }

    /** CPU seconds the compiler threads of this JVM's descendants (the service JVMs) have used so far. */
    static double compilerSeconds() {
        return ProcessHandle.current().descendants()
                .mapToDouble(process -> compilerSeconds(PROC.resolve(Long.toString(process.pid())).resolve("task")))
                .sum();
    }

    private static double compilerSeconds(Path tasks) {
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.mapToDouble(JitActivity::ifCompiler).sum();
        } catch (IOException | RuntimeException e) {
            // the process ended, or it is not a JVM we can read: no compiler time to count
            return 0;
        }
    }

    private static double ifCompiler(Path thread) {
        try {
            if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                return 0;
            }
            String stat = Files.readString(thread.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // utime and stime, in clock ticks of 1/100 s on Linux
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
