package io.aigcwatch.gateway.support;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each of the stub's streamed exports sent its first byte, and which have sent their last, by the key a test gave
 * each. Times are {@link System#nanoTime()}: the stub runs in the test's JVM, so they compare with the client's.
 */
@Requires(property = StubService.ENABLED, value = "true")
@Singleton
final class StreamProgress {
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> firstSent = new ConcurrentHashMap<>();

    void firstSent(String key) {
        firstSent.putIfAbsent(key, System.nanoTime());
    }

    Optional<Long> firstSentAt(String key) {
        return Optional.ofNullable(firstSent.get(key));
    }

    void finished(String key) {
        finished.add(key);
    }

    boolean hasFinished(String key) {
        return finished.contains(key);
    }
}
