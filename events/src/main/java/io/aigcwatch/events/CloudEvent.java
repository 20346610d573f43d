package io.aigcwatch.events;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 structured-mode envelope. {@code id} is the dedup key of every consumer in the suite, so an
 * event keeps its id on every redelivery.
 *
 * @param <T> the type of {@code data}
 */
@Serdeable
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        @Nullable String subject,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";
    /** The content type of a whole structured-mode event, as Kafka headers and HTTP bodies carry it. */
    public static final String STRUCTURED_JSON = "application/cloudevents+json; charset=UTF-8";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }

    public static <T> CloudEvent<T> of(String source, String type, @Nullable String subject, Instant time, T data) {
        return new CloudEvent<>(SPEC_VERSION, UUID.randomUUID().toString(), source, type, time, subject, JSON, data);
    }
}
