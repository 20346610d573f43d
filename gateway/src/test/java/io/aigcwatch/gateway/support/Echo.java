package io.aigcwatch.gateway.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** What the stub service received, as it saw it: header names in lower case. */
@Serdeable
public record Echo(String method, String path, @Nullable String query, @Nullable String body,
                   Map<String, String> headers) {
}
