package io.aigcwatch.kit.inbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Objects;

/**
 * A CloudEvent's envelope without its data, which the reader skips: what the inbox needs of every record (id,
 * type, subject) before a handler asks for the data as its own type. Its checks are those of
 * {@link io.aigcwatch.events.CloudEvent}; its time is read with the data, as the CloudEvent's.
 */
@Serdeable
record EventHeader(
        String specversion,
        String id,
        String source,
        String type,
        @Nullable String subject,
        String datacontenttype) {

    EventHeader {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }
}
