package io.aigcwatch.kit.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aigcwatch.events.Layer;
import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.problem.Problem.FieldError;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What {@code /api/stats} and the services' stats behind it narrow by, each optional: a company's country and layer,
 * and a span of announcement quarters. One reading for the gateway, which refuses a bad filter before it asks any
 * service, and for each service, which trusts no caller and reads its parameters again the same way.
 *
 * @param country     ISO 3166-1 alpha-2, upper case, as companies store it
 * @param fromQuarter such as {@code 2023-Q1}; quarters sort as text, so a range is a comparison of strings
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StatsFilter(@Nullable String country, @Nullable Layer layer, @Nullable String fromQuarter,
                          @Nullable String toQuarter) {
    public static final StatsFilter NONE = new StatsFilter(null, null, null, null);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");

    /** @throws ProblemException 422 naming every parameter that is not valid */
    public static StatsFilter parse(@Nullable String country, @Nullable String layer, @Nullable String fromQuarter,
                                    @Nullable String toQuarter) {
        List<FieldError> errors = new ArrayList<>();
        String countryCode = blank(country) ? null : country.strip().toUpperCase(Locale.ROOT);
        if (countryCode != null && !COUNTRIES.contains(countryCode)) {
            errors.add(new FieldError("country", FieldChecks.quoted(country)
                    + " is not an ISO 3166-1 alpha-2 country code such as CN"));
            countryCode = null;
        }
        Layer layerValue = layer(layer, errors);
        String from = quarter("fromQuarter", fromQuarter, errors);
        String to = quarter("toQuarter", toQuarter, errors);
        if (from != null && to != null && from.compareTo(to) > 0) {
            errors.add(new FieldError("fromQuarter", from + " is after toQuarter " + to));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new StatsFilter(countryCode, layerValue, from, to);
    }

    public boolean isNone() {
        return equals(NONE);
    }

    public @Nullable String layerName() {
        return layer == null ? null : layer.name();
    }

    /** The filter as query parameters, only those given, for a caller to pass on. */
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "country", country);
        put(parameters, "layer", layerName());
        put(parameters, "fromQuarter", fromQuarter);
        put(parameters, "toQuarter", toQuarter);
        return parameters;
    }

    private static void put(Map<String, String> parameters, String name, @Nullable String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }

    private static @Nullable Layer layer(@Nullable String layer, List<FieldError> errors) {
        if (blank(layer)) {
            return null;
        }
        try {
            return Layer.valueOf(layer.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("layer", FieldChecks.quoted(layer) + " is not one of "
                    + Arrays.stream(Layer.values()).map(Enum::name).collect(Collectors.joining(", "))));
            return null;
        }
    }

    private static @Nullable String quarter(String field, @Nullable String text, List<FieldError> errors) {
        if (blank(text)) {
            return null;
        }
        String quarter = text.strip().toUpperCase(Locale.ROOT);
        if (QUARTER.matcher(quarter).matches()) {
            return quarter;
        }
        errors.add(new FieldError(field, FieldChecks.quoted(text) + " is not a quarter such as 2023-Q1"));
        return null;
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}
