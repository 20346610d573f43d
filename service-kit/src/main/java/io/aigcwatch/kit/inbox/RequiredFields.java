package io.aigcwatch.kit.inbox;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.beans.BeanProperty;
import io.micronaut.core.type.Argument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a field that event data leaves out although its record does not declare it {@code @Nullable}, in the data
 * and in the records and lists it holds. The JSON reader lets such a field be null, and a handler would then fail
 * on it at every retry instead of parking the record.
 */
final class RequiredFields {
    /** Each record type's fields, looked up once: this runs for every consumed event. */
    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            return fieldsOf(type);
        }
    };

    private RequiredFields() {
    }

    /** @return the path of the first required field that is null, as {@code company.id} */
    static Optional<String> firstMissing(Object data) {
        return Optional.ofNullable(firstMissing(data, null)).map(Path::render);
    }

    /**
     * The path is a chain of small nodes, rendered only for a field that is missing: building a string for every
     * field visited cost more than the check itself.
     */
    @Nullable
    private static Path firstMissing(Object value, @Nullable Path path) {
        if (value instanceof Iterable<?> elements) {
            int index = 0;
            for (Object element : elements) {
                Path elementPath = new Path(path, null, index);
                Path missing = element == null ? elementPath : firstMissing(element, elementPath);
                if (missing != null) {
                    return missing;
                }
                index++;
            }
            return null;
        }
        if (!value.getClass().isRecord()) {
            return null;
        }
        for (Field field : FIELDS.get(value.getClass())) {
            Object fieldValue = field.property() == null ? null : field.property().get(value);
            if (fieldValue == null) {
                if (field.required()) {
                    return new Path(path, field.name(), -1);
                }
                continue;
            }
            Path missing = firstMissing(fieldValue, new Path(path, field.name(), -1));
            if (missing != null) {
                return missing;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static List<Field> fieldsOf(Class<?> type) {
        Optional<BeanIntrospection<Object>> introspection = BeanIntrospector.SHARED
                .findIntrospection((Class<Object>) type);
        if (introspection.isEmpty()) {
            return List.of();
        }
        List<Field> fields = new ArrayList<>();
        for (Argument<?> argument : introspection.get().getConstructorArguments()) {
            fields.add(new Field(argument.getName(),
                    introspection.get().getProperty(argument.getName()).orElse(null),
                    !argument.isNullable() && !argument.isPrimitive()));
        }
        return List.copyOf(fields);
    }

    private record Field(String name, @Nullable BeanProperty<Object, Object> property, boolean required) {
    }

    /** A field by {@code name}, or a list element by {@code index} when the name is null. */
    private record Path(@Nullable Path parent, @Nullable String name, int index) {
        String render() {
            String prefix = parent == null ? "" : parent.render();
            if (name == null) {
                return prefix + "[" + index + "]";
            }
            return prefix.isEmpty() ? name : prefix + "." + name;
        }
    }
}
