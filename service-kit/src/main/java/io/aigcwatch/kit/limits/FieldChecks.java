package io.aigcwatch.funding.input;

import io.aigcwatch.kit.problem.Problem.FieldError;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Collects every bad field of one request, by its JSON path, so that a client fixes all of them in one go; the
 * checks of text and enumerations that every part of a request shares.
 */
public final class FieldChecks {
    private final List<FieldError> errors = new ArrayList<>();

    public void add(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Ends the request with a 422 that names every bad field, if there is one. */
    public void throwIfAny() {
        if (hasErrors()) {
            throw ProblemException.invalid(List.copyOf(errors));
        }
    }

    public @Nullable String requiredText(String field, @Nullable String text, int maxLength) {
        if (text == null || text.isBlank()) {
            add(field, "is required");
            return null;
        }
        return optionalText(field, text, maxLength);
    }

    /** The text stripped, or null when it is absent, blank or bad (then noted). */
    public @Nullable String optionalText(String field, @Nullable String text, int maxLength) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            add(field, "must be at most " + maxLength + " characters");
            return null;
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            add(field, "must not contain control characters");
            return null;
        }
        return trimmed;
    }

    /** A required enumeration, read case-blind with dashes and spaces as underscores. */
    public <E extends Enum<E>> @Nullable E enumValue(String field, @Nullable String value, Class<E> type) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            add(field, "is required: one of " + allowed);
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            add(field, "'" + value + "' is not one of " + allowed);
            return null;
        }
    }
}
