package io.aigcwatch.stack.bench;

import io.aigcwatch.stack.BenchStack;
import org.HdrHistogram.Histogram;
import org.awaitility.Awaitility;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the gateway on this machine, in the whole suite as {@code ./aigcwatch up} runs it (every service its own
 * JVM, durable embedded PostgreSQL and Kafka, all on one box):
 * <ol>
 *   <li>the gateway's overhead against calling funding-service directly: POST latency at a fixed rate, and the
 *       ratio of maximum throughputs;</li>
 *   <li>the delay from a POST to a Server-Sent Events subscriber holding the valuation change it caused, at a fixed
 *       rate of rounds;</li>
 *   <li>the same delay with 1,000 subscribers connected at once.</li>
 * </ol>
 * First the whole suite is warmed until the service JVMs' JIT compilers are quiet (see {@link JitActivity}).
 * Run with {@code mvn -B -q -Pgateway-benchmark verify -DskipTests}; the report is printed and written to
 * {@code local-stack/target/gateway-benchmark.txt}.
 */
public final class GatewayBenchmark {
    /** Before each phase, that phase's own load, unmeasured. */
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.phase-warmup", 10));
    /** Before any phase, the whole suite is warmed at least this long, and until its JIT compilers are quiet. */
    private static final Duration SUITE_WARMUP = Duration.ofSeconds(Long.getLong("bench.warmup", 60));
    private static final Duration SUITE_WARMUP_MAX = Duration.ofSeconds(Long.getLong("bench.warmup-max", 360));
    private static final Duration WARMUP_SLICE = Duration.ofSeconds(10);
    private static final int WARMUP_RATE = 150;
    /** Compiler threads of all five service JVMs together, in cores; what C2 spends on the odd late method. */
    private static final double JIT_QUIET_CORES = 0.03;
    private static final Duration MEASURE = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    private static final int OVERHEAD_RATE = Integer.getInteger("bench.overhead-rate", 200);
    private static final int SSE_RATE = Integer.getInteger("bench.sse-rate", 200);
    private static final int SUBSCRIBERS = Integer.getInteger("bench.subscribers", 1_000);
    private static final int FAN_OUT_RATE = Integer.getInteger("bench.fan-out-rate", 10);
    private static final String STREAM = "/api/valuation-changes/stream";
    private static final int THROUGHPUT_TURNS = 8;
    private static final Duration THROUGHPUT_WINDOW = Duration.ofSeconds(5);

    private final BenchStack stack;
    private final String key;
    private final StringBuilder report = new StringBuilder();

    private GatewayBenchmark(BenchStack stack, String key) {
        this.stack = stack;
        this.key = key;
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            // an executor thread left behind must not keep a failed benchmark running forever
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        String key = "aw_bench_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        try (BenchStack stack = BenchStack.start(key + "=read+write+admin", System.out)) {
            GatewayBenchmark benchmark = new GatewayBenchmark(stack, key);
            benchmark.run();
            Path out = Path.of("target", "gateway-benchmark.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, benchmark.report);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        line("gateway benchmark, %d cores, Java %s, the whole suite on one box (service JVMs, embedded PostgreSQL"
                + " with fsync on, one Kafka broker)", Runtime.getRuntime().availableProcessors(), Runtime.version());
        List<String> phases = List.of(System.getProperty("bench.phases", "overhead,sse,fan-out").split(","));
        warmUp();
        if (phases.contains("overhead")) {
            overhead();
        }
        if (phases.contains("sse")) {
            postToStream();
        }
        if (phases.contains("fan-out")) {
            fanOut();
        }
    }

    /**
     * Every path the phases take (direct and proxied POSTs, valued rounds on to a stream subscriber) at a rate the
     * suite sustains, in slices, until the service JVMs' compilers are quiet: the report then describes the steady
     * state, not the JIT's first minutes.
     */
    private void warmUp() throws Exception {
        long started = System.nanoTime();
        AtomicLong n = new AtomicLong();
        double jitCores;
        try (SseConnection ignored = new SseConnection(stack.gateway(), STREAM, key, (data, arrived) -> { });
             RoundPoster direct = new RoundPoster(stack.funding(), "/funding-events", stack.internalCredential());
             RoundPoster viaGateway = new RoundPoster(stack.gateway(), "/api/funding-events", Map.of("X-API-Key", key))) {
            while (true) {
                double compiledBefore = JitActivity.compilerSeconds();
                long sliceStarted = System.nanoTime();
                Load.fixedRate(WARMUP_RATE, WARMUP_SLICE, () -> switch ((int) (n.incrementAndGet() % 3)) {
                    case 0 -> direct.postRecurring();
                    case 1 -> viaGateway.postRecurring();
                    default -> viaGateway.postValued("Warm-up " + n.get());
                });
                jitCores = (JitActivity.compilerSeconds() - compiledBefore) / ((System.nanoTime() - sliceStarted) / 1e9);
                Duration warmed = Duration.ofNanos(System.nanoTime() - started);
                if (warmed.compareTo(SUITE_WARMUP) >= 0 && (jitCores < JIT_QUIET_CORES || !JitActivity.measurable())) {
                    break;
                }
                if (warmed.compareTo(SUITE_WARMUP_MAX) >= 0) {
                    line("warning: the services' JIT compilers were still busy when the warm-up ran out");
                    break;
                }
            }
        }
        line("warm-up: %.0f s at %d POST/s (direct, proxied, and valued rounds to a stream), until the services' JIT"
                        + " compilers used %.1f%% of a core in the last %d s", (System.nanoTime() - started) / 1e9,
                WARMUP_RATE, 100 * jitCores, WARMUP_SLICE.toSeconds());
    }

    private void overhead() throws Exception {
        try (RoundPoster direct = new RoundPoster(stack.funding(), "/funding-events", stack.internalCredential());
             RoundPoster viaGateway = new RoundPoster(stack.gateway(), "/api/funding-events", Map.of("X-API-Key", key))) {
            Load.saturate(WARMUP, direct::postRecurring);
            Load.saturate(WARMUP, viaGateway::postRecurring);
            // Both paths at once, half the rate each: they share the same cores, the same background work and the
            // same moments, so the difference between them is the gateway's and not the machine's mood. Measured
            // one after the other, the same figures moved by several milliseconds from run to run.
            CpuUse.awaitIdle();
            java.util.concurrent.CompletableFuture<Load.Outcome> directRun = java.util.concurrent.CompletableFuture
                    .supplyAsync(() -> fixedRate(OVERHEAD_RATE / 2, direct::postRecurring));
            Load.Outcome gatewayFixed = fixedRate(OVERHEAD_RATE / 2, viaGateway::postRecurring);
            Load.Outcome directFixed = directRun.join();
            line("POST at %d/s for %d s, half direct, half via the gateway, at the same time:", OVERHEAD_RATE,
                    MEASURE.toSeconds());
            line("  direct      %s", directFixed.describe());
            line("  via gateway %s", gatewayFixed.describe());
            line("  gateway adds p50 %+.2f ms, p99 %+.2f ms",
                    (gatewayFixed.latency().getValueAtPercentile(50) - directFixed.latency().getValueAtPercentile(50)) / 1000.0,
                    (gatewayFixed.latency().getValueAtPercentile(99) - directFixed.latency().getValueAtPercentile(99)) / 1000.0);
            // Maximum throughput cannot share the cores, so the two take turns in short windows, each after the
            // consumers caught up, and the windows are summed.
            long directOk = 0;
            long gatewayOk = 0;
            for (int turn = 0; turn < THROUGHPUT_TURNS; turn++) {
                CpuUse.awaitIdle();
                directOk += Load.saturate(THROUGHPUT_WINDOW, direct::postRecurring).ok();
                CpuUse.awaitIdle();
                gatewayOk += Load.saturate(THROUGHPUT_WINDOW, viaGateway::postRecurring).ok();
            }
            double seconds = THROUGHPUT_TURNS * THROUGHPUT_WINDOW.toSeconds();
            line("maximum throughput, %d clients, %d alternating windows of %d s each: direct %.0f/s, via gateway %.0f/s",
                    Load.CLIENTS, THROUGHPUT_TURNS, THROUGHPUT_WINDOW.toSeconds(), directOk / seconds, gatewayOk / seconds);
            line("  ratio via gateway / direct: %.2f", (double) gatewayOk / directOk);
        }
    }

    private void postToStream() throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Histogram delay = new Histogram(60_000_000L, 3);
        AtomicLong received = new AtomicLong();
        AtomicLong lastArrival = new AtomicLong(System.nanoTime());
        Map<String, Long> sentAtWall = new ConcurrentHashMap<>();
        Histogram toEvent = new Histogram(60_000_000L, 3);
        Histogram fromEvent = new Histogram(60_000_000L, 3);
        try (SseConnection ignored = new SseConnection(stack.gateway(), STREAM, key, (data, arrived) -> {
                    lastArrival.set(arrived);
                    record(data, arrived, sentAt, delay, received);
                    split(data, wallMicros(), sentAtWall, toEvent, fromEvent);
                });
             RoundPoster poster = new RoundPoster(stack.gateway(), "/api/funding-events", Map.of("X-API-Key", key))) {
            AtomicLong n = new AtomicLong();
            // the same load unmeasured first, so every JVM on the path has compiled it
            Load.fixedRate(SSE_RATE, WARMUP, () -> poster.postValued("SSE Warm-up " + n.incrementAndGet()));
            awaitQuiet(lastArrival);
            CpuUse.awaitIdle();
            CpuUse cpu = new CpuUse();
            Load.Outcome posts = Load.fixedRate(SSE_RATE, MEASURE, () -> {
                String company = "SSE Bench " + n.incrementAndGet();
                sentAt.put(company, System.nanoTime());
                sentAtWall.put(company, wallMicros());
                return poster.postValued(company);
            });
            awaitAll(received, posts.ok());
            line("POST to SSE subscriber, %d rounds/s for %d s: %d of %d changes received; delay p50 %.2f ms, p99 %.2f ms,"
                            + " max %.2f ms (POST %s)", SSE_RATE, MEASURE.toSeconds(), received.get(), posts.ok(),
                    delay.getValueAtPercentile(50) / 1000.0, delay.getValueAtPercentile(99) / 1000.0,
                    delay.getMaxValue() / 1000.0, posts.describe());
            line("  of which POST to valuation-service's event (its CloudEvent time): p50 %.2f ms, p99 %.2f ms;"
                            + " that event to the subscriber: p50 %.2f ms, p99 %.2f ms",
                    toEvent.getValueAtPercentile(50) / 1000.0, toEvent.getValueAtPercentile(99) / 1000.0,
                    fromEvent.getValueAtPercentile(50) / 1000.0, fromEvent.getValueAtPercentile(99) / 1000.0);
            line("  %s", cpu.since());
        }
    }

    /**
     * Splits a change's delay at the moment valuation-service made its event, by the wall clock that every process
     * on this one machine shares: what came before is funding-service, its relay and valuation-service's consumer;
     * what came after is valuation-service's relay, the gateway's hub and the stream.
     */
    private static void split(String data, long arrivedMicros, Map<String, Long> sentAtWall, Histogram toEvent,
                              Histogram fromEvent) {
        Long sent = sentAtWall.get(companyName(data));
        int at = data.indexOf("\"time\":\"");
        if (sent == null || at < 0) {
            return;
        }
        java.time.Instant made = java.time.Instant.parse(data.substring(at + 8, data.indexOf('"', at + 8)));
        long madeMicros = made.getEpochSecond() * 1_000_000 + made.getNano() / 1_000;
        synchronized (toEvent) {
            toEvent.recordValue(Math.max(0, madeMicros - sent));
            fromEvent.recordValue(Math.max(0, arrivedMicros - madeMicros));
        }
    }

    private static long wallMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    private void fanOut() throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Histogram delay = new Histogram(60_000_000L, 3);
        AtomicLong received = new AtomicLong();
        List<SseConnection> subscribers = new ArrayList<>(SUBSCRIBERS);
        long connecting = System.nanoTime();
        try (RoundPoster poster = new RoundPoster(stack.gateway(), "/api/funding-events", Map.of("X-API-Key", key))) {
            for (int i = 0; i < SUBSCRIBERS; i++) {
                subscribers.add(new SseConnection(stack.gateway(), STREAM, key,
                        (data, arrived) -> record(data, arrived, sentAt, delay, received)));
            }
            double connectSeconds = (System.nanoTime() - connecting) / 1e9;
            AtomicLong n = new AtomicLong();
            // the same load unmeasured first (its changes are not in sentAt), so that the thousand-fold fan-out is
            // compiled code by the time it is measured, like every other phase's path
            Load.fixedRate(FAN_OUT_RATE, WARMUP, () -> poster.postValued("Fan-out Warm-up " + n.incrementAndGet()));
            CpuUse.awaitIdle();
            Load.Outcome posts = Load.fixedRate(FAN_OUT_RATE, MEASURE, () -> {
                String company = "Fan-out Bench " + n.incrementAndGet();
                sentAt.put(company, System.nanoTime());
                return poster.postValued(company);
            });
            awaitAll(received, posts.ok() * SUBSCRIBERS);
            line("%d SSE subscribers (connected in %.1f s), %d rounds/s for %d s: %d of %d deliveries; delay p50 %.2f ms,"
                            + " p95 %.2f ms, p99 %.2f ms, max %.2f ms", SUBSCRIBERS, connectSeconds, FAN_OUT_RATE,
                    MEASURE.toSeconds(), received.get(), posts.ok() * SUBSCRIBERS,
                    delay.getValueAtPercentile(50) / 1000.0, delay.getValueAtPercentile(95) / 1000.0,
                    delay.getValueAtPercentile(99) / 1000.0, delay.getMaxValue() / 1000.0);
        } finally {
            for (SseConnection subscriber : subscribers) {
                subscriber.close();
            }
        }
    }

    private static Load.Outcome fixedRate(int perSecond, Load.Request request) {
        try {
            return Load.fixedRate(perSecond, MEASURE, request);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Changes of companies this run did not post (the stream is shared) are not counted. */
    private static void record(String data, long arrived, Map<String, Long> sentAt, Histogram delay, AtomicLong received) {
        Long sent = sentAt.get(companyName(data));
        if (sent == null) {
            return;
        }
        synchronized (delay) {
            delay.recordValue((arrived - sent) / 1000);
        }
        received.incrementAndGet();
    }

    private static String companyName(String json) {
        String marker = "\"companyName\":\"";
        int from = json.indexOf(marker);
        if (from < 0) {
            return "";
        }
        from += marker.length();
        return json.substring(from, json.indexOf('"', from));
    }

    /** Returns when all arrived, or after a minute with what did: a lost change shows in the report, not as a hang. */
    private static void awaitAll(AtomicLong received, long expected) {
        try {
            Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> received.get() >= expected);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.err.println("[bench] only " + received.get() + " of " + expected + " arrived within a minute");
        }
    }

    /** Returns once a second has passed without a change arriving: what was sent before has all come through. */
    private static void awaitQuiet(AtomicLong lastArrival) {
        Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> System.nanoTime() - lastArrival.get() > 1_000_000_000L);
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println(text);
        report.append(text).append('\n');
    }
}
