package io.aigcwatch.events.valuation;

import io.aigcwatch.events.CompanyNames;
import io.aigcwatch.events.Layer;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which valuation changes a subscriber wants, the same for a stream connection and for a webhook. Every criterion
 * that is set must hold; one that lists several values holds for any of them; none at all passes every change.
 *
 * @param companies    company ids or names; a name is compared as the registry compares it ({@link CompanyNames#key}),
 *                     so invisible characters, widths, spacing and case do not matter; empty for any
 * @param countries    ISO 3166-1 alpha-2 codes; empty for any
 * @param layers       empty for any
 * @param unicornOnly  only changes that touch the unicorn list: a unicorn (or decacorn) before or after, so a company
 *                     that leaves the list counts
 * @param minChangePct only changes of at least this many percent either way. A first valuation, or one withdrawn, has
 *                     no percentage; it passes, as the largest change there is, because a subscriber to big moves
 *                     wants to hear of a company that appears at USD 2B
 */
public record ChangeCriteria(Set<String> companies, Set<String> countries, Set<Layer> layers, boolean unicornOnly,
                             @Nullable BigDecimal minChangePct) {
    public static final ChangeCriteria ANY = new ChangeCriteria(Set.of(), Set.of(), Set.of(), false, null);
    /** The longest company id or name a filter holds: the registry's bound on a name. */
    public static final int MAX_COMPANY_LENGTH = 200;
    /** The largest threshold a stream or a webhook accepts; no valuation has moved a thousand-fold in one step. */
    public static final BigDecimal MAX_MIN_CHANGE_PCT = BigDecimal.valueOf(100_000);
    /** Changes are reported to the hundredth of a percent; a finer threshold would only store a huge scale. */
    public static final int MIN_CHANGE_PCT_DECIMALS = 2;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public ChangeCriteria {
        companies = companies.stream().map(CompanyNames::key)
                .collect(Collectors.toUnmodifiableSet());
        countries = countries.stream().map(country -> country.toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        layers = Set.copyOf(layers);
    }

    public static ChangeCriteria of(Collection<String> companies, Collection<String> countries,
                                    Collection<Layer> layers, boolean unicornOnly, @Nullable BigDecimal minChangePct) {
        return new ChangeCriteria(Set.copyOf(companies), Set.copyOf(countries), Set.copyOf(layers), unicornOnly,
                minChangePct);
    }

    public boolean matches(ValuationChanged change) {
        return (companies.isEmpty() || companies.contains(change.companyId().toString())
                        || change.companyName() != null && companies.contains(CompanyNames.key(change.companyName())))
                && (countries.isEmpty() || change.country() != null
                        && countries.contains(change.country().toUpperCase(Locale.ROOT)))
                && (layers.isEmpty() || change.layer() != null && layers.contains(change.layer()))
                && (!unicornOnly || change.statusBefore().counted() || change.statusAfter().counted())
                && (minChangePct == null || change.changePct() == null
                        || change.changePct().abs().compareTo(minChangePct) >= 0);
    }

    /** @return what is wrong with a {@code minChangePct} threshold, or null when a stream or a webhook takes it */
    public static @Nullable String minChangePctProblem(BigDecimal value) {
        return value.signum() >= 0 && value.compareTo(MAX_MIN_CHANGE_PCT) <= 0
                && value.stripTrailingZeros().scale() <= MIN_CHANGE_PCT_DECIMALS ? null
                : "must be a percentage from 0 to " + MAX_MIN_CHANGE_PCT + " with at most " + MIN_CHANGE_PCT_DECIMALS
                        + " decimals";
    }

    /** @return what is wrong with a country filter value, or null when it is an ISO 3166-1 alpha-2 code */
    public static @Nullable String countryProblem(String value) {
        return COUNTRIES.contains(value.strip().toUpperCase(Locale.ROOT)) ? null
                : "'" + value + "' is not an ISO 3166-1 alpha-2 country code such as CN";
    }

    /** @return what is wrong with a layer filter value, or null when it names a layer */
    public static @Nullable String layerProblem(String value) {
        return Arrays.stream(Layer.values()).anyMatch(layer -> layer.name().equalsIgnoreCase(value.strip())) ? null
                : "'" + value + "' is not one of " + Arrays.toString(Layer.values());
    }

    public static Layer layer(String value) {
        return Layer.valueOf(value.strip().toUpperCase(Locale.ROOT));
    }
}
