package io.aigcwatch.stack.bench;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM (the load generator, and the Kafka broker that runs in it) and by every process it
 * started (the service JVMs, PostgreSQL), grouped by what they are, so that a phase's report says where the two
 * cores went.
 */
final class CpuUse {
    private final Map<Long, Sample> start = sample();
    private final long startNanos = System.nanoTime();

    private record Sample(String what, Duration cpu) {
    }

    /** Percent of one core used by each group since this was created, largest first. */
    String since() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> seconds = new TreeMap<>();
        sample().forEach((pid, now) -> {
            Sample before = start.get(pid);
            Duration used = before == null ? now.cpu() : now.cpu().minus(before.cpu());
            seconds.merge(now.what(), used.toNanos() / 1e9, Double::sum);
        });
        return seconds.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(entry -> String.format("%s %.0f%%", entry.getKey(), 100 * entry.getValue() / wall))
                .collect(Collectors.joining(", ", "CPU (100% = one core): ", ""));
    }

    /**
     * Returns once the services and PostgreSQL used less than a fifth of a core over a whole second: the consumers
     * have caught up with what an earlier phase sent, and will not disturb the next one.
     */
    static void awaitIdle() {
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(3)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10)).until(() -> busySecond() < 0.2);
    }

    /** Cores used over the next second by every process but this one. */
    private static double busySecond() throws InterruptedException {
        Map<Long, Sample> before = sample();
        java.util.concurrent.TimeUnit.SECONDS.sleep(1);
        double used = 0;
        for (Map.Entry<Long, Sample> now : sample().entrySet()) {
            Sample earlier = before.get(now.getKey());
            if (now.getKey() != ProcessHandle.current().pid() && earlier != null) {
                used += now.getValue().cpu().minus(earlier.cpu()).toNanos() / 1e9;
            }
        }
        return used;
    }

    private static Map<Long, Sample> sample() {
        // the embedded PostgreSQL daemonizes, so its processes are nobody's descendants; any other PostgreSQL busy on
        // this machine is counted too, which a benchmark machine should not have
        Stream<ProcessHandle> postgres = ProcessHandle.allProcesses().filter(process -> process.info().command()
                .filter(command -> command.endsWith("/postgres")).isPresent());
        return Stream.concat(Stream.concat(Stream.of(ProcessHandle.current()), ProcessHandle.current().descendants()),
                        postgres).distinct()
                .filter(process -> process.info().totalCpuDuration().isPresent())
                .collect(Collectors.toMap(ProcessHandle::pid, process -> new Sample(what(process),
                        process.info().totalCpuDuration().orElseThrow())));
    }

    private static String what(ProcessHandle process) {
        if (process.pid() == ProcessHandle.current().pid()) {
            return "benchmark+kafka";
        }
        String command = String.join(" ", process.info().arguments().orElse(new String[0]));
        for (String module : new String[]{"gateway", "funding-service", "valuation-service", "market-service"}) {
            if (command.contains(module + ".jar")) {
                return module;
            }
        }
        return process.info().command().map(path -> path.substring(path.lastIndexOf('/') + 1)).orElse("other");
    }
}
