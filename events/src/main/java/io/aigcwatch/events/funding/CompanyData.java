package io.aigcwatch.events.funding;

import io.aigcwatch.events.Layer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/** A company as funding events carry it. The id is the suite-wide company id that funding-service owns. */
@Serdeable
public record CompanyData(
        UUID id,
        String name,
        @Nullable String localName,
        String country,
        Layer layer,
        List<String> segments) {
}
