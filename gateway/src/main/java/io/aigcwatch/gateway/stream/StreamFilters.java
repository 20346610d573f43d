package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.funding.RoundCriteria;
import io.aigcwatch.events.market.MarketCriteria;
import io.aigcwatch.events.valuation.ChangeCriteria;
import io.aigcwatch.kit.problem.Problem.FieldError;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The streams' query parameters, read into the criteria webhooks use too. The valuation stream's: {@code company},
 * {@code country} and {@code layer} may be repeated or comma-separated, {@code unicornOnly=true},
 * {@code minChangePct=20}. The round stream's ({@link #rounds}): {@code company}, {@code investor}, {@code country},
 * {@code layer}, {@code segment} and {@code roundType} likewise, {@code minUsd=100000000}, and
 * {@code includeImported=true} for the rounds bulk imports record too. The market stream's ({@link #market}):
 * {@code scope} and {@code key} (a prefix of a changed value's key) likewise.
 *
 * <p>Bounded before any work, as public-api.yml documents: at most {@link #MAX_VALUES} values per parameter,
 * {@link ChangeCriteria#MAX_COMPANY_LENGTH} characters per occurrence of a parameter, and {@code minChangePct} a
 * plain decimal (no exponent) that {@link ChangeCriteria#minChangePctProblem} accepts, as a webhook's filter does.
 * A value is quoted back in an error only as far as {@link #SHOWN} characters.
 */
final class StreamFilters {
    static final int MAX_VALUES = 50;
    private static final Pattern PLAIN_PERCENT = Pattern.compile("\\d{1,6}(\\.\\d{1,2})?");
    /** Up to {@link RoundCriteria#MAX_MIN_USD}'s 14 digits, and cents. */
    private static final Pattern PLAIN_USD = Pattern.compile("\\d{1,14}(\\.\\d{1,2})?");
    private static final int SHOWN = 40;

    private StreamFilters() {
    }

    /** @throws ProblemException 422 naming each parameter whose value is not valid */
    static ChangeCriteria from(HttpParameters parameters) {
        List<FieldError> errors = new ArrayList<>();
        List<String> companies = values(parameters, "company", errors, value -> value.isBlank()
                ? "a company is named by its id or its name" : null);
        List<String> countries = values(parameters, "country", errors,
                value -> ChangeCriteria.countryProblem(value) == null ? null
                        : "'" + shown(value) + "' is not an ISO 3166-1 alpha-2 country code such as CN");
        List<String> layers = values(parameters, "layer", errors,
                value -> ChangeCriteria.layerProblem(value) == null ? null
                        : ChangeCriteria.layerProblem(shown(value)));
        boolean unicornOnly = flag("unicornOnly", parameters.get("unicornOnly"), errors);
        BigDecimal minChangePct = minChangePct(parameters.get("minChangePct"), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return ChangeCriteria.of(companies, countries, layers.stream().map(ChangeCriteria::layer).toList(),
                unicornOnly, minChangePct);
    }

    /** @throws ProblemException 422 naming each parameter whose value is not valid */
    static RoundCriteria rounds(HttpParameters parameters) {
        List<FieldError> errors = new ArrayList<>();
        List<String> companies = values(parameters, "company", errors, value -> value.isBlank()
                ? "a company is named by its id or its name" : null);
        List<String> investors = values(parameters, "investor", errors, value -> value.isBlank()
                ? "an investor is named by its id or its name" : null);
        List<String> countries = values(parameters, "country", errors,
                value -> RoundCriteria.countryProblem(value) == null ? null
                        : "'" + shown(value) + "' is not an ISO 3166-1 alpha-2 country code such as CN");
        List<String> layers = values(parameters, "layer", errors,
                value -> RoundCriteria.layerProblem(value) == null ? null : RoundCriteria.layerProblem(shown(value)));
        List<String> segments = values(parameters, "segment", errors,
                value -> RoundCriteria.segmentProblem(value) == null ? null
                        : RoundCriteria.segmentProblem(shown(value)));
        List<String> roundTypes = values(parameters, "roundType", errors,
                value -> RoundCriteria.roundTypeProblem(value) == null ? null
                        : RoundCriteria.roundTypeProblem(shown(value)));
        BigDecimal minUsd = minUsd(parameters.get("minUsd"), errors);
        boolean includeImported = flag("includeImported", parameters.get("includeImported"), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return RoundCriteria.of(companies, investors, countries, layers.stream().map(RoundCriteria::layer).toList(),
                segments, roundTypes.stream().map(RoundCriteria::roundType).toList(), minUsd, includeImported);
    }

    /** @throws ProblemException 422 naming each parameter whose value is not valid */
    static MarketCriteria market(HttpParameters parameters) {
        List<FieldError> errors = new ArrayList<>();
        List<String> scopes = values(parameters, "scope", errors,
                value -> MarketCriteria.scopeProblem(value) == null ? null : MarketCriteria.scopeProblem(shown(value)));
        List<String> keys = values(parameters, "key", errors, MarketCriteria::keyPrefixProblem);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return MarketCriteria.of(scopes, keys);
    }

    /** @param problemOf what is wrong with a value, or null when nothing is */
    private static List<String> values(HttpParameters parameters, String name, List<FieldError> errors,
                                       Function<String, String> problemOf) {
        List<String> items = new ArrayList<>();
        for (String value : parameters.getAll(name)) {
            if (value.length() > ChangeCriteria.MAX_COMPANY_LENGTH) {
                errors.add(new FieldError(name, "longer than " + ChangeCriteria.MAX_COMPANY_LENGTH + " characters; repeat the "
                        + "parameter for more values"));
                return List.of();
            }
            items.addAll(List.of(value.split(",", -1)));
        }
        if (items.size() > MAX_VALUES) {
            errors.add(new FieldError(name, items.size() + " values, more than the " + MAX_VALUES + " allowed"));
            return List.of();
        }
        List<String> valid = new ArrayList<>();
        for (String item : items) {
            String value = item.strip();
            String problem = problemOf.apply(value);
            if (problem == null) {
                valid.add(value);
            } else {
                errors.add(new FieldError(name, problem));
            }
        }
        return valid;
    }

    /** A boolean parameter, false when left out. */
    private static boolean flag(String name, @Nullable String value, List<FieldError> errors) {
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        errors.add(new FieldError(name, "'" + shown(value) + "' is neither true nor false"));
        return false;
    }

    private static @Nullable BigDecimal minChangePct(@Nullable String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        // the pattern first: an exponent such as 1e999999999 never reaches BigDecimal
        if (PLAIN_PERCENT.matcher(value.strip()).matches()) {
            BigDecimal percent = new BigDecimal(value.strip());
            String problem = ChangeCriteria.minChangePctProblem(percent);
            if (problem == null) {
                return percent;
            }
            errors.add(new FieldError("minChangePct", "'" + shown(value) + "' " + problem));
            return null;
        }
        errors.add(new FieldError("minChangePct", "'" + shown(value) + "' is not a percentage in plain digits"));
        return null;
    }

    private static @Nullable BigDecimal minUsd(@Nullable String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        // the pattern first: an exponent never reaches BigDecimal
        if (PLAIN_USD.matcher(value.strip()).matches()) {
            BigDecimal usd = new BigDecimal(value.strip());
            String problem = RoundCriteria.minUsdProblem(usd);
            if (problem == null) {
                return usd;
            }
            errors.add(new FieldError("minUsd", "'" + shown(value) + "' " + problem));
            return null;
        }
        errors.add(new FieldError("minUsd", "'" + shown(value) + "' is not an amount in USD in plain digits, such as"
                + " 100000000"));
        return null;
    }

    private static String shown(String value) {
        return value.length() > SHOWN ? value.substring(0, SHOWN) + "..." : value;
    }
}
