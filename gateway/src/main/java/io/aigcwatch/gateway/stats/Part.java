package io.aigcwatch.gateway.stats;

import io.micronaut.core.annotation.Nullable;

/** One part of the stats: its value, or why it is missing. */
record Part<T>(String name, @Nullable T value, @Nullable String failure) {

    static <T> Part<T> of(String name, T value) {
        return new Part<>(name, value, null);
    }

    static <T> Part<T> missing(String name, String failure) {
        return new Part<>(name, null, failure);
    }

    boolean isMissing() {
        return value == null;
    }
}
