package io.aigcwatch.funding.round;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
enum RoundStatus {
    ACTIVE,
    RETRACTED
}
