package io.aigcwatch.stack.bench.scale;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The highest heap each service used during a run: every second, the sum over its heap pools of
 * {@code jvm_memory_used_bytes{area="heap"}} from its {@code /prometheus}.
 */
final class HeapPeaks implements AutoCloseable {
    private static final String METRIC = "jvm_memory_used_bytes{";

    private final Map<String, URI> services;
    private final Map<String, Long> peaks = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "heap-sampler");
        thread.setDaemon(true);
        return thread;
    });

    HeapPeaks(Map<String, URI> services) {
        this.services = services;
        sampler.scheduleWithFixedDelay(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    private void sample() {
        services.forEach((name, root) -> {
            try {
                long used = (long) Prometheus.sum(Prometheus.scrape(http, root), METRIC, "area=\"heap\"");
                peaks.merge(name, used, Math::max);
            } catch (Exception busyOrRestarting) {
                // one sample missed; the next second tries again
            }
        });
    }

    /** In MB, by service, in the order given. */
    Map<String, Long> peaksInMegabytes() {
        Map<String, Long> result = new LinkedHashMap<>();
        services.keySet().forEach(name -> result.put(name, peaks.getOrDefault(name, 0L) / (1024 * 1024)));
        return result;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
