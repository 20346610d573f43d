package io.aigcwatch.stack.bench.scale;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the CPU of a run went, counted per process so that other work on the machine does not count: each
 * service's {@code process_cpu_time_ns_total} from its {@code /prometheus}; PostgreSQL from {@code /proc}, its
 * postmaster with the backends it has reaped (cutime, cstime) and the ones still running; the launcher's JVM, which
 * runs the Kafka broker. Their sum is the stack's whole cost of a round, which bounds the rate any import can reach.
 */
final class CpuUse {
    /** Linux counts /proc/<pid>/stat in USER_HZ ticks, 100 a second on every architecture it supports. */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Double> seconds;

    private CpuUse(Map<String, Double> seconds) {
        this.seconds = seconds;
    }

    /** @param home the stack's home, whose {@code postgres/postmaster.pid} names PostgreSQL's postmaster */
    static CpuUse now(HttpClient http, Map<String, URI> services, ProcessHandle launcher, Path home) throws Exception {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (Map.Entry<String, URI> service : services.entrySet()) {
            seconds.put(service.getKey().toLowerCase(),
                    Prometheus.sum(Prometheus.scrape(http, service.getValue()), "process_cpu_time_ns_total ", "") / 1e9);
        }
        long postmasterPid = Long.parseLong(Files.readAllLines(home.resolve("postgres").resolve("postmaster.pid"))
                .get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid)
                .orElseThrow(() -> new IllegalStateException("PostgreSQL's postmaster " + postmasterPid + " is gone"));
        double postgres = ticks(postmaster.pid(), true)
                + postmaster.children().mapToDouble(backend -> ticks(backend.pid(), false)).sum();
        seconds.put("postgresql", postgres / TICKS_PER_SECOND);
        seconds.put("launcher with kafka", ticks(launcher.pid(), false) / TICKS_PER_SECOND);
        return new CpuUse(seconds);
    }

    /** utime + stime of a process, and with {@code reaped} its waited-for children's too; 0 once it is gone. */
    private static long ticks(long pid, boolean reaped) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name, in parentheses, may hold spaces: the fields are counted after its closing one
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return reaped ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
        } catch (IOException | RuntimeException exited) {
            return 0;
        }
    }

    /** The CPU seconds spent between {@code earlier} and this, by part, in the order measured. */
    Map<String, Double> since(CpuUse earlier) {
        Map<String, Double> spent = new LinkedHashMap<>();
        seconds.forEach((part, total) -> spent.put(part, total - earlier.seconds.get(part)));
        return spent;
    }
}
