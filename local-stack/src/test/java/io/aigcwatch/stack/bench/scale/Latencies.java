package io.aigcwatch.stack.bench.scale;

import io.aigcwatch.testkit.bench.PlainHttpClient;

import java.io.IOException;
import java.util.Arrays;

/** p50 and p99 of one GET, called again and again on one keep-alive connection, after a few unmeasured calls. */
record Latencies(double p50Millis, double p99Millis) {
    private static final int WARMUP = 20;

    static Latencies of(PlainHttpClient client, String path, int calls) throws IOException {
        for (int i = 0; i < WARMUP; i++) {
            expectOk(client.get(path), path);
        }
        long[] nanos = new long[calls];
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            PlainHttpClient.Response response = client.get(path);
            nanos[i] = System.nanoTime() - started;
            expectOk(response, path);
        }
        Arrays.sort(nanos);
        return new Latencies(percentile(nanos, 0.50), percentile(nanos, 0.99));
    }

    private static double percentile(long[] sorted, double fraction) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] / 1e6;
    }

    private static void expectOk(PlainHttpClient.Response response, String path) {
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.status() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }

    String cell() {
        return String.format("%.1f / %.1f", p50Millis, p99Millis);
    }
}
