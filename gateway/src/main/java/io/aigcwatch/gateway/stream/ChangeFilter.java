package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.valuation.StatusTransition;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.aigcwatch.kit.problem.Problem.FieldError;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Which changes a subscriber wants. Every filter given must hold; a filter that lists several values (repeated, or
 * comma-separated) holds for any of them. No filter at all passes every change.
 *
 * @param companies    company ids; empty for any
 * @param countries    ISO 3166-1 alpha-2 codes; empty for any
 * @param layers       empty for any
 * @param unicornOnly  only changes that touch the unicorn list: a unicorn or decacorn before or after, or a crossing
 * @param minChangePct only changes of at least this many percent either way; a change without a percentage (a
 *                     first valuation, a withdrawn one) has none and does not pass
 */
record ChangeFilter(Set<UUID> companies, Set<String> countries, Set<Layer> layers, boolean unicornOnly,
                    @Nullable BigDecimal minChangePct) {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** @throws ProblemException 422 naming each parameter whose value is not valid */
    static ChangeFilter from(HttpParameters parameters) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> companies = values(parameters, "company", errors, ChangeFilter::companyId);
        Set<String> countries = values(parameters, "country", errors, ChangeFilter::country);
        Set<Layer> layers = values(parameters, "layer", errors, ChangeFilter::layer);
        boolean unicornOnly = unicornOnly(parameters.get("unicornOnly"), errors);
        BigDecimal minChangePct = minChangePct(parameters.get("minChangePct"), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ChangeFilter(companies, countries, layers, unicornOnly, minChangePct);
    }

    boolean matches(ValuationChanged change) {
        return (companies.isEmpty() || companies.contains(change.companyId()))
                && (countries.isEmpty() || countries.contains(change.country()))
                && (layers.isEmpty() || layers.contains(change.layer()))
                && (!unicornOnly || touchesUnicorns(change))
                && (minChangePct == null || change.changePct() != null
                        && change.changePct().abs().compareTo(minChangePct) >= 0);
    }

    private static boolean touchesUnicorns(ValuationChanged change) {
        return change.statusBefore().counted() || change.statusAfter().counted()
                || change.transition() != StatusTransition.UNCHANGED;
    }

    private static <T> Set<T> values(HttpParameters parameters, String name, List<FieldError> errors,
                                     Function<String, T> parse) {
        Set<T> parsed = new HashSet<>();
        for (String value : parameters.getAll(name)) {
            for (String item : value.split(",", -1)) {
                try {
                    parsed.add(parse.apply(item.strip()));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(name, e.getMessage()));
                }
            }
        }
        return Set.copyOf(parsed);
    }

    private static UUID companyId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a company id (a UUID)");
        }
    }

    private static String country(String value) {
        String code = value.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            throw new IllegalArgumentException("'" + value + "' is not an ISO 3166-1 alpha-2 country code");
        }
        return code;
    }

    private static Layer layer(String value) {
        try {
            return Layer.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not one of " + Arrays.toString(Layer.values()));
        }
    }

    private static boolean unicornOnly(@Nullable String value, List<FieldError> errors) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        errors.add(new FieldError("unicornOnly", "'" + value + "' is neither true nor false"));
        return false;
    }

    private static @Nullable BigDecimal minChangePct(@Nullable String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal percent = new BigDecimal(value.strip());
            if (percent.signum() >= 0) {
                return percent;
            }
        } catch (NumberFormatException e) {
            // reported below, like a negative one
        }
        errors.add(new FieldError("minChangePct", "'" + value + "' is not a percentage of zero or more"));
        return null;
    }
}
