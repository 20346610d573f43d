package io.aigcwatch.notification.webhook;

import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.RoundCriteria;
import io.aigcwatch.events.funding.RoundType;
import io.aigcwatch.events.market.MarketCriteria;
import io.aigcwatch.events.valuation.ChangeCriteria;
import io.aigcwatch.kit.problem.Problem;
import io.aigcwatch.kit.problem.ProblemException;
import io.aigcwatch.notification.target.TargetGuard;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/** Turns a request into a webhook to register, or into a problem that names every bad field. */
@Singleton
class WebhookRequestValidator {
    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_DESCRIPTION_LENGTH = 500;
    static final int MAX_FILTER_VALUES = 100;
    /** No filter value is longer: a company id or name, a country code, a layer. */
    static final int MAX_FILTER_VALUE_LENGTH = ChangeCriteria.MAX_COMPANY_LENGTH;

    private final TargetGuard guard;

    WebhookRequestValidator(TargetGuard guard) {
        this.guard = guard;
    }

    /**
     * @param secret       the client's secret, or null to generate one
     * @param roundFilters null unless {@code events} is NEW_ROUNDS
     * @param marketScopes null unless {@code events} is MARKET_RECOMPUTED; empty for every scope
     */
    record Valid(String url, @Nullable String secret, WebhookEvents events, WebhookFilters filters,
                 @Nullable RoundFilters roundFilters, @Nullable List<String> marketScopes,
                 @Nullable String description) {
    }

    Valid validate(WebhookRequest request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String url = request.url() == null ? "" : request.url().strip();
        if (url.isEmpty()) {
            errors.add(new Problem.FieldError("url", "is required"));
        } else if (url.length() > MAX_URL_LENGTH) {
            errors.add(new Problem.FieldError("url", "must be at most " + MAX_URL_LENGTH + " characters"));
        } else {
            guard.refusal(url).ifPresent(reason -> errors.add(new Problem.FieldError("url", reason)));
        }
        if (request.secret() != null) {
            WebhookSecret.problemWith(request.secret())
                    .ifPresent(reason -> errors.add(new Problem.FieldError("secret", reason)));
        }
        String description = request.description() == null || request.description().isBlank() ? null
                : request.description().strip();
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            errors.add(new Problem.FieldError("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters"));
        }
        WebhookEvents events = events(request.events(), errors);
        if (events != null) {
            onlyFor(events, WebhookEvents.VALUATION_CHANGES, "filters", request.filters(), errors);
            onlyFor(events, WebhookEvents.NEW_ROUNDS, "roundFilters", request.roundFilters(), errors);
            onlyFor(events, WebhookEvents.MARKET_RECOMPUTED, "marketScopes", request.marketScopes(), errors);
        }
        WebhookFilters filters = filters(request.filters(), errors);
        RoundFilters roundFilters = events == WebhookEvents.NEW_ROUNDS ? roundFilters(request.roundFilters(), errors)
                : null;
        List<String> marketScopes = events == WebhookEvents.MARKET_RECOMPUTED
                ? marketScopes(request.marketScopes(), errors) : null;
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Valid(url, request.secret(), events, filters, roundFilters, marketScopes, description);
    }

    /** Each kind's filters are refused on a webhook of another kind, which would ignore them silently. */
    private static void onlyFor(WebhookEvents events, WebhookEvents kind, String field, @Nullable Object given,
                                List<Problem.FieldError> errors) {
        if (given != null && events != kind) {
            errors.add(new Problem.FieldError(field, "is for " + kind + " webhooks only; this one is " + events));
        }
    }

    /** The scopes as they are compared, each once; every scope when left out. */
    private static List<String> marketScopes(@Nullable List<String> given, List<Problem.FieldError> errors) {
        return values("marketScopes", given, errors, MarketCriteria::scopeProblem).stream().map(MarketCriteria::scope)
                .distinct().toList();
    }

    /** VALUATION_CHANGES when left out, so that every client written before round alerts keeps its meaning. */
    private static @Nullable WebhookEvents events(@Nullable String given, List<Problem.FieldError> errors) {
        if (given == null) {
            return WebhookEvents.VALUATION_CHANGES;
        }
        for (WebhookEvents events : WebhookEvents.values()) {
            if (events.name().equalsIgnoreCase(given.strip())) {
                return events;
            }
        }
        errors.add(new Problem.FieldError("events", "must be one of " + Arrays.toString(WebhookEvents.values())));
        return null;
    }

    private static RoundFilters roundFilters(@Nullable WebhookRequest.RoundFilterValues given,
                                             List<Problem.FieldError> errors) {
        if (given == null) {
            return RoundFilters.NONE;
        }
        int before = errors.size();
        List<String> companies = values("roundFilters.companies", given.companies(), errors,
                RoundCriteria::nameProblem).stream().map(String::strip).toList();
        List<String> investors = values("roundFilters.investors", given.investors(), errors,
                RoundCriteria::nameProblem).stream().map(String::strip).toList();
        List<String> countries = values("roundFilters.countries", given.countries(), errors,
                RoundCriteria::countryProblem).stream().map(value -> value.strip().toUpperCase(Locale.ROOT)).toList();
        List<String> layers = values("roundFilters.layers", given.layers(), errors, RoundCriteria::layerProblem);
        List<String> segments = values("roundFilters.segments", given.segments(), errors,
                RoundCriteria::segmentProblem).stream().map(value -> value.strip().toUpperCase(Locale.ROOT))
                .distinct().toList();
        List<String> roundTypes = values("roundFilters.roundTypes", given.roundTypes(), errors,
                RoundCriteria::roundTypeProblem);
        BigDecimal minUsd = given.minUsd();
        String minUsdProblem = minUsd == null ? null : RoundCriteria.minUsdProblem(minUsd);
        if (minUsdProblem != null) {
            errors.add(new Problem.FieldError("roundFilters.minUsd", minUsdProblem));
        }
        Object includeImported = given.includeImported();
        if (includeImported != null && !(includeImported instanceof Boolean)) {
            errors.add(new Problem.FieldError("roundFilters.includeImported", "must be true or false"));
        }
        if (errors.size() > before) {
            return RoundFilters.NONE;
        }
        List<Layer> layerValues = layers.stream().map(RoundCriteria::layer).distinct().toList();
        List<RoundType> typeValues = roundTypes.stream().map(RoundCriteria::roundType).distinct().toList();
        return new RoundFilters(companies, investors, countries, layerValues, segments, typeValues,
                // 1e8 is shown as 100000000, not 1E+8
                minUsd == null || minUsd.scale() >= 0 ? minUsd : minUsd.setScale(0),
                Boolean.TRUE.equals(includeImported));
    }

    private static WebhookFilters filters(@Nullable WebhookRequest.Filters given, List<Problem.FieldError> errors) {
        if (given == null) {
            return WebhookFilters.NONE;
        }
        List<String> companies = values("filters.companies", given.companies(), errors, value ->
                value.isBlank() || value.strip().length() > ChangeCriteria.MAX_COMPANY_LENGTH
                        ? "must be a company id or name of 1 to " + ChangeCriteria.MAX_COMPANY_LENGTH + " characters" : null)
                .stream().map(String::strip).toList();
        List<String> countries = values("filters.countries", given.countries(), errors, ChangeCriteria::countryProblem)
                .stream().map(value -> value.strip().toUpperCase(Locale.ROOT)).toList();
        List<String> layerNames = values("filters.layers", given.layers(), errors, ChangeCriteria::layerProblem);
        BigDecimal minChangePct = given.minChangePct();
        String minChangePctProblem = minChangePct == null ? null : ChangeCriteria.minChangePctProblem(minChangePct);
        if (minChangePctProblem != null) {
            errors.add(new Problem.FieldError("filters.minChangePct", minChangePctProblem));
        }
        if (!errors.isEmpty()) {
            return WebhookFilters.NONE;
        }
        List<Layer> layers = layerNames.stream().map(ChangeCriteria::layer).toList();
        return new WebhookFilters(companies, countries, layers, Boolean.TRUE.equals(given.unicornOnly()), minChangePct);
    }

    /** @param problemOf what is wrong with a value, or null when nothing is */
    private static List<String> values(String field, @Nullable List<String> given, List<Problem.FieldError> errors,
                                       Function<String, String> problemOf) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_FILTER_VALUES) {
            errors.add(new Problem.FieldError(field, "may hold at most " + MAX_FILTER_VALUES + " values"));
            return List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            String value = given.get(i);
            String problem = value == null ? "must not be null"
                    : value.length() > MAX_FILTER_VALUE_LENGTH
                    ? "must be at most " + MAX_FILTER_VALUE_LENGTH + " characters" : problemOf.apply(value);
            if (problem != null) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", problem));
            }
        }
        return given.stream().filter(Objects::nonNull).distinct().toList();
    }

}
