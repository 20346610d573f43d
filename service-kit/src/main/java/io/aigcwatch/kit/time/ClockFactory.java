package io.aigcwatch.kit.time;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** One clock for every service, so that tests can replace it with a fixed one. */
@Factory
final class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
