package io.aigcwatch.stack.bench;

import io.aigcwatch.testkit.bench.PlainHttpClient;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Two ways to load a server: as fast as a number of clients can, and at a fixed rate. */
final class Load {
    static final int CLIENTS = 16;

    @FunctionalInterface
    interface Request {
        PlainHttpClient.Response send() throws Exception;
    }

    /** What a run achieved; latency in microseconds, from the request's send to its whole response. */
    record Outcome(long ok, long refused, Histogram latency, Duration duration) {
        double perSecond() {
            return ok / (duration.toNanos() / 1e9);
        }

        String describe() {
            return String.format("%.0f/s ok (%d refused), p50 %.2f ms, p99 %.2f ms, max %.2f ms", perSecond(), refused,
                    latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                    latency.getMaxValue() / 1000.0);
        }
    }

    private Load() {
    }

    static Outcome saturate(Duration duration, Request request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        Histogram latency = new Histogram(60_000_000L, 3);
        AtomicLong refused = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Future<Long>> results = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            results.add(clients.submit(() -> {
                long ok = 0;
                while (System.nanoTime() < deadline) {
                    ok += timed(request, latency, refused);
                }
                return ok;
            }));
        }
        try {
            return new Outcome(sum(results), refused.get(), latency, duration);
        } finally {
            clients.shutdownNow();
        }
    }

    /** One request every 1/{@code perSecond} s on the clock, whether or not earlier ones have been answered. */
    static Outcome fixedRate(int perSecond, Duration duration, Request request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        Histogram latency = new Histogram(60_000_000L, 3);
        AtomicLong refused = new AtomicLong();
        long intervalNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        int total = (int) (perSecond * duration.toSeconds());
        List<Future<Long>> results = new ArrayList<>(total);
        try {
            for (int i = 0; i < total; i++) {
                long wait = start + i * intervalNanos - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                results.add(clients.submit(() -> timed(request, latency, refused)));
            }
            return new Outcome(sum(results), refused.get(), latency, duration);
        } finally {
            clients.shutdownNow();
        }
    }

    private static long sum(List<Future<Long>> results) throws Exception {
        long ok = 0;
        for (Future<Long> result : results) {
            ok += result.get();
        }
        return ok;
    }

    private static long timed(Request request, Histogram latency, AtomicLong refused) throws Exception {
        long start = System.nanoTime();
        PlainHttpClient.Response response;
        try {
            response = request.send();
        } catch (java.io.IOException e) {
            response = new PlainHttpClient.Response(-1, e.toString());
        }
        if (response.status() / 100 != 2) {
            if (refused.incrementAndGet() == 1) {
                System.err.println("[bench] first refusal: " + response.status() + " " + response.body());
            }
            return 0;
        }
        synchronized (latency) {
            latency.recordValue((System.nanoTime() - start) / 1000);
        }
        return 1;
    }
}
