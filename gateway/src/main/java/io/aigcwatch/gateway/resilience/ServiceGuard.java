package io.aigcwatch.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Every call the gateway makes to a service goes through here, so that the proxy and the composed stats share one
 * circuit breaker per service: once a service has failed often enough, neither tries to connect to it until the
 * breaker half-opens.
 */
@Singleton
public final class ServiceGuard {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final CircuitBreakerRegistry breakers;
    private final RetryRegistry retries;
    private final Map<String, Duration> routeTimeouts;
    private final Duration waitInOpen;

    ServiceGuard(CircuitBreakerSettings breaker, RetrySettings retry, List<RouteTimeout> routeTimeouts) {
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(breaker.failureRatePercent())
                .slidingWindowSize(breaker.windowSize())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .waitDurationInOpenState(breaker.waitInOpen())
                .permittedNumberOfCallsInHalfOpenState(breaker.callsInHalfOpen())
                .recordException(ServiceFailure::countsAgainstService)
                .recordResult(ServiceFailure::countsAgainstService)
                .build());
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(Math.max(1, retry.maxAttempts()))
                .intervalFunction(IntervalFunction.ofExponentialBackoff(retry.backoff(), 2))
                .retryOnException(ServiceFailure::worthRetrying)
                .retryOnResult(ServiceFailure::worthRetrying)
                // the answer given up on still holds a connection until its body is read or released
                .consumeResultBeforeRetryAttempt((attempt, result) -> release(result))
                .build());
        this.routeTimeouts = routeTimeouts.stream()
                .collect(Collectors.toUnmodifiableMap(RouteTimeout::service, RouteTimeout::timeout));
        this.waitInOpen = breaker.waitInOpen();
    }

    /** How long a proxied request to {@code service} may take to start answering. */
    public Duration routeTimeout(String service) {
        return routeTimeouts.getOrDefault(service, DEFAULT_TIMEOUT);
    }

    /** The {@code Retry-After} for a service whose breaker is open: within this many seconds it half-opens. */
    public long retryAfterSeconds() {
        return Math.max(1, (waitInOpen.toMillis() + 999) / 1000);
    }

    /**
     * Calls {@code service} unless its breaker is open (then fails at once with
     * {@link io.github.resilience4j.circuitbreaker.CallNotPermittedException}), each try within {@code timeout}.
     *
     * @param retryable whether a transient failure may be tried again: never for anything but GET and HEAD, since a
     *                  POST that seemed to fail may still have been recorded
     * @param call      makes one try; called again for each retry
     */
    public <T> Mono<T> call(String service, Duration timeout, boolean retryable, Supplier<? extends Publisher<T>> call) {
        CircuitBreaker breaker = breakers.circuitBreaker(service);
        Mono<T> once = Mono.defer(() -> uncancelled(call.get()))
                .timeout(timeout)
                .transformDeferred(CircuitBreakerOperator.of(breaker));
        if (!retryable) {
            return once;
        }
        Retry retry = retries.retry(service);
        return once.transformDeferred(RetryOperator.<T>of(retry));
    }

    /**
     * The client's request is not cancelled when the timeout passes: it ends on its own read timeout. Its outcome is
     * kept as a signal in a future, so that a late failure is a value nobody reads rather than an error that Reactor
     * logs as unhandled each time a slow service is given up on, and a late answer is released.
     */
    public static <T> Mono<T> uncancelled(Publisher<T> call) {
        CompletableFuture<Signal<T>> answer = Mono.from(call).materialize().toFuture();
        return Mono.fromFuture(answer, true)
                .doOnCancel(() -> answer.thenAccept(signal -> release(signal.get())))
                .dematerialize();
    }

    private static void release(Object result) {
        if (result instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // a body that cannot be released cleanly is dropped with its connection, which is what we want
            }
        }
    }
}
