package io.aigcwatch.gateway.stream;

/**
 * Which events of its feed one stream sends. Asked with the CloudEvent's {@code source} as well as its data, since
 * where an event came from can decide it: a round a bulk import recorded is news to no one unless they asked.
 */
@FunctionalInterface
interface EventFilter<T> {
    boolean test(String source, T data);
}
