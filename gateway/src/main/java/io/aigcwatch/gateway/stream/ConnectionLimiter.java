package io.aigcwatch.gateway.stream;

import io.aigcwatch.kit.problem.ProblemException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Caps the streams one caller holds open, since each holds a connection and a buffer for as long as it likes. */
@Singleton
final class ConnectionLimiter {
    static final String GAUGE = "aigcwatch.stream.connections";

    private final int maxPerCaller;
    private final Map<String, Integer> openByCaller = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    ConnectionLimiter(StreamConfig config, Optional<MeterRegistry> registry) {
        this.maxPerCaller = config.maxConnectionsPerCaller();
        registry.ifPresent(meters -> Gauge.builder(GAUGE, open, AtomicInteger::get)
                .description("Open Server-Sent Events streams of valuation changes")
                .register(meters));
    }

    /** @throws ProblemException 429 when the caller holds its maximum already */
    void acquire(String callerId) {
        openByCaller.compute(callerId, (caller, held) -> {
            int current = held == null ? 0 : held;
            if (current >= maxPerCaller) {
                throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams",
                        "this caller holds " + current + " open streams, the most allowed; close one first");
            }
            return current + 1;
        });
        open.incrementAndGet();
    }

    void release(String callerId) {
        openByCaller.computeIfPresent(callerId, (caller, held) -> held <= 1 ? null : held - 1);
        open.decrementAndGet();
    }

    int open() {
        return open.get();
    }
}
