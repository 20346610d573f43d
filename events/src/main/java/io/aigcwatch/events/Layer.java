package io.aigcwatch.events;

import io.micronaut.serde.annotation.Serdeable;

/** The report's three layers of players. */
@Serdeable
public enum Layer {
    INFRASTRUCTURE,
    MODEL,
    APPLICATION
}
