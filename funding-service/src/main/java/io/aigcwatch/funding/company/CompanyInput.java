package io.aigcwatch.funding.company;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/**
 * A company as a request names it: by {@code id}, for a registered company, or by the fields that find or register
 * it by name. A round's {@code company} and the body of {@code POST /companies} have this shape.
 */
@Serdeable
public record CompanyInput(@Nullable UUID id, @Nullable String name, @Nullable String localName,
                           @Nullable String country, @Nullable String layer, @Nullable List<String> segments) {
}
