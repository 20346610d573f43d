package io.aigcwatch.stack.bench.scale;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the CPU of a run went: each service's own count ({@code process_cpu_time_ns_total} from its
 * {@code /prometheus}), and the rest of the machine from {@code /proc/stat} less the services and this benchmark's
 * JVM: PostgreSQL, the Kafka broker in the launcher, and the system. On an idle machine that is the stack's whole
 * cost of a round, which bounds the rate any import can reach on it.
 */
final class CpuUse {
    static final String REST = "postgresql, kafka, system";
    /** Linux counts /proc/stat in USER_HZ ticks, 100 a second on every architecture it supports. */
    private static final double TICKS_PER_SECOND = 100;

    private final Map<String, Double> seconds;

    private CpuUse(Map<String, Double> seconds) {
        this.seconds = seconds;
    }

    static CpuUse now(HttpClient http, Map<String, URI> services) throws Exception {
        Map<String, Double> seconds = new LinkedHashMap<>();
        double servicesTotal = 0;
        for (Map.Entry<String, URI> service : services.entrySet()) {
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(service.getValue().resolve("/prometheus"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            double used = processCpuSeconds(metrics.body());
            seconds.put(service.getKey().toLowerCase(), used);
            servicesTotal += used;
        }
        double benchmark = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        seconds.put(REST, machineBusySeconds() - servicesTotal - benchmark);
        return new CpuUse(seconds);
    }

    static double processCpuSeconds(String exposition) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith("process_cpu_time_ns_total ")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) / 1e9;
            }
        }
        throw new IllegalStateException("the service's /prometheus has no process_cpu_time_ns_total");
    }

    /** user, nice, system, irq, softirq and steal of the first line of /proc/stat: every core's busy time. */
    private static double machineBusySeconds() throws Exception {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3])
                + Long.parseLong(cpu[6]) + Long.parseLong(cpu[7]) + Long.parseLong(cpu[8]);
        return busy / TICKS_PER_SECOND;
    }

    /** The CPU seconds spent between {@code earlier} and this, by part, in the order measured. */
    Map<String, Double> since(CpuUse earlier) {
        Map<String, Double> spent = new LinkedHashMap<>();
        seconds.forEach((part, total) -> spent.put(part, total - earlier.seconds.get(part)));
        return spent;
    }
}
