package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.valuation.ChangeCriteria;
import io.aigcwatch.kit.problem.Problem.FieldError;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The stream's query parameters, read into the criteria webhooks use too: {@code company}, {@code country} and
 * {@code layer} may be repeated or comma-separated, {@code unicornOnly=true}, {@code minChangePct=20}.
 */
final class StreamFilters {
    private static final int MAX_COMPANY_LENGTH = 200;

    private StreamFilters() {
    }

    /** @throws ProblemException 422 naming each parameter whose value is not valid */
    static ChangeCriteria from(HttpParameters parameters) {
        List<FieldError> errors = new ArrayList<>();
        List<String> companies = values(parameters, "company", errors, value -> value.isBlank()
                || value.length() > MAX_COMPANY_LENGTH ? "a company is named by its id or its name" : null);
        List<String> countries = values(parameters, "country", errors, ChangeCriteria::countryProblem);
        List<String> layers = values(parameters, "layer", errors, ChangeCriteria::layerProblem);
        boolean unicornOnly = unicornOnly(parameters.get("unicornOnly"), errors);
        BigDecimal minChangePct = minChangePct(parameters.get("minChangePct"), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return ChangeCriteria.of(companies, countries, layers.stream().map(ChangeCriteria::layer).toList(),
                unicornOnly, minChangePct);
    }

    /** @param problemOf what is wrong with a value, or null when nothing is */
    private static List<String> values(HttpParameters parameters, String name, List<FieldError> errors,
                                       Function<String, String> problemOf) {
        List<String> valid = new ArrayList<>();
        for (String value : parameters.getAll(name)) {
            for (String item : value.split(",", -1)) {
                String problem = problemOf.apply(item.strip());
                if (problem == null) {
                    valid.add(item.strip());
                } else {
                    errors.add(new FieldError(name, problem));
                }
            }
        }
        return valid;
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
