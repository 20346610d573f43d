package io.aigcwatch.funding.company;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;

import java.util.List;

/** A profile field's value as the audit trail stores it: a string, a list of strings, or absent. */
final class JsonValues {
    private JsonValues() {
    }

    static @Nullable JsonNode of(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return JsonNode.createArrayNode(list.stream().map(item -> JsonNode.createStringNode(item.toString()))
                    .toList());
        }
        return JsonNode.createStringNode(value.toString());
    }
}
