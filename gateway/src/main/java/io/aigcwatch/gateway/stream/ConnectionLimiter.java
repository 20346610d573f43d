package io.aigcwatch.gateway.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Caps the streams one caller holds open and those all callers hold together, whichever feed each streams, since each holds a connection and a
 * buffer for as long as it likes; and the catch-ups running at once, since each holds a Kafka consumer.
 */
@Singleton
final class ConnectionLimiter {
    static final String GAUGE = "aigcwatch.stream.connections";

    private final int maxPerCaller;
    private final int maxConnections;
    private final Duration retryAfter;
    private final Map<String, Integer> openByCaller = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Semaphore catchUps;

    ConnectionLimiter(StreamConfig config, Optional<MeterRegistry> registry) {
        this.maxPerCaller = config.maxConnectionsPerCaller();
        this.maxConnections = config.maxConnections();
        this.retryAfter = config.busyRetryAfter();
        this.catchUps = new Semaphore(config.maxCatchUps());
        registry.ifPresent(meters -> Gauge.builder(GAUGE, open, AtomicInteger::get)
                .description("Open Server-Sent Events streams of every feed together")
                .register(meters));
    }

    /** @throws StreamBusy 429 when the caller holds its maximum already, 503 when the gateway does */
    void acquire(String callerId) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            throw new StreamBusy(HttpStatus.SERVICE_UNAVAILABLE, "stream-capacity",
                    "the gateway holds " + maxConnections + " open streams, the most it serves; retry later", retryAfter);
        }
        try {
            openByCaller.compute(callerId, (caller, held) -> {
                int current = held == null ? 0 : held;
                if (current >= maxPerCaller) {
                    throw new StreamBusy(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams",
                            "this caller holds " + current + " open streams, the most allowed; close one first",
                            retryAfter);
                }
                return current + 1;
            });
        } catch (StreamBusy refused) {
            open.decrementAndGet();
            throw refused;
        }
    }

    void release(String callerId) {
        openByCaller.computeIfPresent(callerId, (caller, held) -> held <= 1 ? null : held - 1);
        open.decrementAndGet();
    }

    /** @throws StreamBusy 503 when as many catch-ups as allowed run already */
    void acquireCatchUp() {
        if (!catchUps.tryAcquire()) {
            throw new StreamBusy(HttpStatus.SERVICE_UNAVAILABLE, "catch-up-capacity",
                    "the gateway is replaying history to as many resuming streams as it can at once; retry later",
                    retryAfter);
        }
    }

    void releaseCatchUp() {
        catchUps.release();
    }

    int open() {
        return open.get();
    }
}
