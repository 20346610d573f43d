package io.aigcwatch.gateway.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** How many requests a stub service received, by path, so that a test can tell whether the gateway retried. */
@Requires(property = StubService.ENABLED, value = "true")
@Singleton
final class StubCalls {
    private final Map<String, AtomicInteger> byPath = new ConcurrentHashMap<>();
    private final Map<String, HttpHeaders> lastHeaders = new ConcurrentHashMap<>();
    private final Map<String, String> lastQueries = new ConcurrentHashMap<>();

    /** @return how many calls the path had, this one included */
    int received(String path) {
        return byPath.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
    }

    int received(HttpRequest<?> request) {
        lastHeaders.put(request.getPath(), request.getHeaders());
        String query = request.getUri().getRawQuery();
        lastQueries.put(request.getPath(), query == null ? "" : query);
        return received(request.getPath());
    }

    Optional<String> lastHeader(String path, String name) {
        return Optional.ofNullable(lastHeaders.get(path)).flatMap(headers -> headers.getFirst(name));
    }

    /** The raw (still encoded) query of the last request on the path, empty when it had none. */
    Optional<String> lastQuery(String path) {
        return Optional.ofNullable(lastQueries.get(path));
    }

    int count(String path) {
        AtomicInteger count = byPath.get(path);
        return count == null ? 0 : count.get();
    }
}
