package io.aigcwatch.kit.limits;

import io.aigcwatch.kit.problem.Problem.FieldError;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Collects every bad field of one request, by its JSON path, so that a client fixes all of them in one go; the
 * bounds of texts, decimals, lists and pages and the checks of enumerations that every service shares. Each check
 * looks at a value's length, size or scale before anything else, so an out-of-bounds value is refused in the same
 * short time however large it is, and no message repeats more of a value than {@link #ECHOED} characters.
 */
public final class FieldChecks {
    /** The most characters of a refused value that a message repeats. */
    static final int ECHOED = 50;
    /** 2023-03-15. */
    private static final int DATE_LENGTH = 10;
    /** 2024-01-31T00:00:00.123456789Z with room for spaces around it. */
    private static final int INSTANT_LENGTH = 40;
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private final List<FieldError> errors = new ArrayList<>();

    /**
     * One check of a query parameter, a path variable or a header, which ends the request at the first bad value:
     * {@code FieldChecks.one(checks -> checks.decimal("amount", amount, limits.amount()))}.
     */
    public static <T> T one(Function<FieldChecks, T> check) {
        FieldChecks checks = new FieldChecks();
        T value = check.apply(checks);
        checks.throwIfAny();
        return value;
    }

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
            add(field, quoted(value) + " is not one of " + allowed);
            return null;
        }
    }

    /** The decimal without trailing zeros or exponent, or null when it is absent or out of bounds (then noted). */
    public @Nullable BigDecimal decimal(String field, @Nullable BigDecimal value, DecimalBound bound) {
        if (value == null) {
            return null;
        }
        String violation = bound.violation(value);
        if (violation != null) {
            add(field, violation);
            return null;
        }
        return DecimalBound.plain(value);
    }

    /** A decimal sent as text: its length is bounded before it is parsed, then the value as a number. */
    public @Nullable BigDecimal decimal(String field, @Nullable String text, DecimalBound bound) {
        if (text == null || text.isBlank()) {
            add(field, "is required: a decimal number");
            return null;
        }
        if (text.length() > bound.textLength()) {
            add(field, "must be a decimal number of at most " + bound.textLength() + " characters");
            return null;
        }
        try {
            return decimal(field, new BigDecimal(text.trim()), bound);
        } catch (NumberFormatException e) {
            add(field, quoted(text) + " is not a decimal number");
            return null;
        }
    }

    /** The list, empty when absent, or empty when it holds more than {@code maxItems} (then noted). */
    public <T> List<T> list(String field, @Nullable List<T> items, int maxItems) {
        if (items == null) {
            return List.of();
        }
        if (items.size() > maxItems) {
            add(field, "must hold at most " + maxItems + " items, not " + items.size());
            return List.of();
        }
        return items;
    }

    /** The map, empty when absent, or empty when it holds more than {@code maxEntries} (then noted). */
    public <V> Map<String, V> entries(String field, @Nullable Map<String, V> entries, int maxEntries) {
        if (entries == null) {
            return Map.of();
        }
        if (entries.size() > maxEntries) {
            add(field, "must hold at most " + maxEntries + " entries, not " + entries.size());
            return Map.of();
        }
        return entries;
    }

    /** How many items a page holds: {@code defaultSize} when not asked, else from 1 to {@code max}. */
    public int pageSize(String field, @Nullable Integer requested, int defaultSize, int max) {
        if (requested == null) {
            return Math.min(defaultSize, max);
        }
        if (requested < 1 || requested > max) {
            add(field, "must be from 1 to " + max);
            return Math.min(defaultSize, max);
        }
        return requested;
    }

    /**
     * An ISO 8601 date such as 2023-03-15, or null when absent or bad (then noted). Only four-digit years: a date
     * such as +999999999-12-31 parses, but no database column holds it.
     */
    public @Nullable LocalDate date(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        try {
            if (trimmed.length() == DATE_LENGTH) {
                return LocalDate.parse(trimmed);
            }
        } catch (DateTimeParseException e) {
            // noted below
        }
        add(field, quoted(text) + " is not an ISO 8601 date such as 2023-03-15");
        return null;
    }

    /** An ISO 8601 instant such as 2024-01-31T00:00:00Z of a year from 1 to 9999, or null when absent or bad. */
    public @Nullable Instant instant(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Instant instant = text.length() > INSTANT_LENGTH ? null : Instant.parse(text.trim());
            if (instant != null && !instant.isBefore(FIRST_INSTANT) && !instant.isAfter(LAST_INSTANT)) {
                return instant;
            }
        } catch (DateTimeParseException e) {
            // noted below
        }
        add(field, quoted(text) + " is not an ISO 8601 instant such as 2024-01-31T00:00:00Z");
        return null;
    }

    /** A refused value as a message repeats it: quoted, and cut short when long. */
    public static String quoted(String value) {
        return "'" + (value.length() > ECHOED ? value.substring(0, ECHOED) + "..." : value) + "'";
    }
}
