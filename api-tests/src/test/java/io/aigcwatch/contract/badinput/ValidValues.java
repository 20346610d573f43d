package io.aigcwatch.contract.badinput;

import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value the document accepts, for the parts of a request that a probe leaves right: the document's own example
 * where it has one, else one made from the schema. Made the same way every run.
 */
final class ValidValues {
    private ValidValues() {
    }

    static Object body(MediaType content) {
        if (content.getExample() != null) {
            return content.getExample();
        }
        if (content.getExamples() != null) {
            for (Example example : content.getExamples().values()) {
                if (example.getValue() != null) {
                    return example.getValue();
                }
            }
        }
        return of(content.getSchema(), 0);
    }

    static String parameter(Parameter parameter) {
        if (parameter.getExample() != null) {
            return String.valueOf(parameter.getExample());
        }
        Object value = of(parameter.getSchema(), 0);
        if (value == null && parameter.getName().toLowerCase().contains("month")) {
            return "2023-03";
        }
        return String.valueOf(value);
    }

    static Object of(Schema<?> schema, int depth) {
        if (schema == null || depth > 8) {
            return null;
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getDefault() != null) {
            return schema.getDefault();
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return of(schema.getOneOf().get(0), depth + 1);
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return of(schema.getAllOf().get(0), depth + 1);
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getProperties() != null ? "object" : "string";
        return switch (type) {
            case "integer" -> schema.getMinimum() != null ? schema.getMinimum().longValue() : 1L;
            case "number" -> 1;
            case "boolean" -> true;
            case "array" -> {
                List<Object> items = new ArrayList<>();
                items.add(of(schema.getItems(), depth + 1));
                yield items;
            }
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (schema.getProperties() != null) {
                    schema.getProperties().forEach((name, property) -> object.put(name, of(property, depth + 1)));
                }
                yield object;
            }
            default -> string(schema);
        };
    }

    private static String string(Schema<?> schema) {
        String format = String.valueOf(schema.getFormat());
        return switch (format) {
            case "uuid" -> "3f8b2d61-9c4e-4a7f-b1d0-6e5a8c3f2b97";
            case "date" -> "2023-03-15";
            case "date-time" -> "2023-03-15T00:00:00Z";
            case "uri" -> "https://example.org/api-tests";
            default -> "api-tests";
        };
    }
}
