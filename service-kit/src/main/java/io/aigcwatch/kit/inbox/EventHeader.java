package io.aigcwatch.kit.inbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvent's envelope without its data, which the reader skips: what the inbox needs of every record (id,
 * type, subject) before a handler asks for the data as its own type. Its fields and checks are those of
 * {@link io.aigcwatch.events.CloudEvent}, so a record that does not fit one does not fit the other.
 */
@Serdeable
record EventHeader(
        String specversion,
        String id,
        String source,
        String type,
        Instant time,
        @Nullable String subject,
        String datacontenttype) {

    EventHeader {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }
}
