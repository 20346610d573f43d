package io.aigcwatch.kit.inbox;

import io.aigcwatch.events.CloudEvent;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a consumed record as a CloudEvent, its data as the record its type names. Anything that can never be read
 * is a {@link PoisonMessage}, which a consumer parks or skips instead of retrying forever.
 * <p>
 * A consumer reads each record twice: its envelope, skipping the data ({@link #header}), then the whole event with
 * its data as the handler's type ({@link #data(String, Class)}). Only a record that fails either is read again
 * through the envelope's tree ({@link #envelope}, {@link #data(CloudEvent, Class)}), which says why it is poison.
 */
@Singleton
public class CloudEventReader {
    private final JsonMapper json;

    CloudEventReader(JsonMapper json) {
        this.json = json;
    }

    public CloudEvent<JsonNode> envelope(String value) {
        if (value == null) {
            throw new PoisonMessage("empty record");
        }
        try {
            return json.readValue(value, Argument.of(CloudEvent.class, JsonNode.class));
        } catch (IOException | RuntimeException e) {
            throw new PoisonMessage("not a CloudEvent: " + e.getMessage(), e);
        }
    }

    EventHeader header(String value) {
        if (value != null) {
            Optional<EventHeader> scanned = HeaderScan.scan(value);
            if (scanned.isPresent()) {
                return scanned.get();
            }
            try {
                return json.readValue(value, EventHeader.class);
            } catch (IOException | RuntimeException unreadable) {
                // diagnosed below
            }
        }
        CloudEvent<JsonNode> envelope = envelope(value);
        return new EventHeader(envelope.specversion(), envelope.id(), envelope.source(), envelope.type(),
                envelope.subject(), envelope.datacontenttype());
    }

    /** The data of the event {@code value}, read in one pass as {@code type}; poison as {@link #data(CloudEvent, Class)}. */
    @SuppressWarnings("unchecked")
    <T> T data(String value, Class<T> type) {
        T data = null;
        try {
            CloudEvent<T> event = json.readValue(value, Argument.of(CloudEvent.class, type));
            data = event == null ? null : event.data();
        } catch (IOException | RuntimeException unreadable) {
            // diagnosed below
        }
        if (data != null && RequiredFields.firstMissing(data).isEmpty()) {
            return data;
        }
        return data(envelope(value), type);
    }

    public <T> T data(CloudEvent<JsonNode> event, Class<T> type) {
        T data;
        try {
            data = json.readValueFromTree(event.data(), type);
        } catch (IOException | RuntimeException e) {
            throw new PoisonMessage("data does not fit " + event.type() + ": " + e.getMessage(), e);
        }
        if (data == null) {
            throw new PoisonMessage(event.type() + " without data");
        }
        RequiredFields.firstMissing(data).ifPresent(field -> {
            throw new PoisonMessage("data does not fit " + event.type() + ": no " + field);
        });
        return data;
    }

    public static UUID id(CloudEvent<?> event) {
        return id(event.id());
    }

    static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (RuntimeException e) {
            throw new PoisonMessage("id is not a UUID: " + id, e);
        }
    }
}
