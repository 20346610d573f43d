package io.aigcwatch.funding.fx;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The average rate of one month: units of {@code currency} per USD. */
@MappedEntity("fx_rate")
@Serdeable
record FxRate(@EmbeddedId Key key, BigDecimal unitsPerUsd, String origin, Instant updatedAt) {

    static final String SHIPPED = "SHIPPED";
    static final String ADMIN = "ADMIN";

    /** @param month the first day of the month */
    @Embeddable
    @Serdeable
    record Key(@MappedProperty("currency") String currency, @MappedProperty("month") LocalDate month) {
    }
}
