package io.aigcwatch.kit.inbox;

import io.aigcwatch.events.CloudEvent;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.UUID;

/**
 * Reads a consumed record as a CloudEvent, its data as the record its type names. Anything that can never be read
 * is a {@link PoisonMessage}, which a consumer parks or skips instead of retrying forever.
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
        try {
            return UUID.fromString(event.id());
        } catch (RuntimeException e) {
            throw new PoisonMessage("id is not a UUID: " + event.id(), e);
        }
    }
}
