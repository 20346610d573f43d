package io.aigcwatch.funding.company;

import io.aigcwatch.events.Layer;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.UUID;

/** A company reference that passed its checks; {@code id} is set when the client named a registered company, and the other fields then may be null. */
public record CompanyRef(@Nullable UUID id, @Nullable String name, @Nullable String localName,
                         @Nullable String country, @Nullable Layer layer, List<String> segments) {
}
