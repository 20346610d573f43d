package io.aigcwatch.kit.inbox;

import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.type.Argument;

import java.util.Optional;

/**
 * Finds a field that event data leaves out although its record does not declare it {@code @Nullable}, in the data
 * and in the records and lists it holds. The JSON reader lets such a field be null, and a handler would then fail
 * on it at every retry instead of parking the record.
 */
final class RequiredFields {
    private RequiredFields() {
    }

    /** @return the path of the first required field that is null, as {@code company.id} */
    static Optional<String> firstMissing(Object data) {
        return firstMissing(data, "");
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> firstMissing(Object value, String path) {
        if (value instanceof Iterable<?> elements) {
            int index = 0;
            for (Object element : elements) {
                Optional<String> missing = element == null ? Optional.of(path + "[" + index + "]")
                        : firstMissing(element, path + "[" + index + "]");
                if (missing.isPresent()) {
                    return missing;
                }
                index++;
            }
            return Optional.empty();
        }
        if (!value.getClass().isRecord()) {
            return Optional.empty();
        }
        Optional<BeanIntrospection<Object>> introspection = BeanIntrospector.SHARED
                .findIntrospection((Class<Object>) value.getClass());
        if (introspection.isEmpty()) {
            return Optional.empty();
        }
        for (Argument<?> field : introspection.get().getConstructorArguments()) {
            String fieldPath = path.isEmpty() ? field.getName() : path + "." + field.getName();
            Object fieldValue = introspection.get().getProperty(field.getName()).map(p -> p.get(value)).orElse(null);
            if (fieldValue == null) {
                if (!field.isNullable() && !field.isPrimitive()) {
                    return Optional.of(fieldPath);
                }
                continue;
            }
            Optional<String> missing = firstMissing(fieldValue, fieldPath);
            if (missing.isPresent()) {
                return missing;
            }
        }
        return Optional.empty();
    }
}
