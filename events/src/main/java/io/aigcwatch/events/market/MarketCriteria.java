package io.aigcwatch.events.market;

import io.micronaut.core.annotation.Nullable;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which {@code market.recomputed} events a subscriber wants, the same for a stream connection
 * ({@code GET /api/stream/market}) and for a webhook of {@code MARKET_RECOMPUTED}: the one place that says whether an
 * event matches. Every criterion that is set must hold; one that lists several values holds for any of them; none at
 * all passes every event.
 *
 * <p>Scopes are dotted names, and a scope stands for itself and every scope under it: {@code projections} matches
 * {@code projections} and {@code projections.funding}, as a subscriber to the projections expects to hear of every
 * projection, while {@code projections.funding} matches only the funding-share projections. Only the scopes
 * market-service publishes ({@link #SCOPES}) are accepted: a misspelt one would match nothing, silently.
 *
 * @param scopes      scope names from {@link #SCOPES}
 * @param keyPrefixes an event matches when any of its changes' keys starts with one of these, such as
 *                    {@code layer.}; the event is still sent whole
 */
public record MarketCriteria(Set<String> scopes, Set<String> keyPrefixes) {
    /** Live funding and valuation shares, keyed like {@code funding.layer.MODEL}. */
    public static final String SHARES = "shares";
    /** The report's revenue-model projection, keyed like {@code 2030.sizeCny}. */
    public static final String PROJECTIONS = "projections";
    /** The funding-share projections fitted on recorded rounds, keyed like {@code layer.MODEL.2030}. */
    public static final String FUNDING_PROJECTIONS = "projections.funding";
    /** The scopes market-service publishes (it names its scopes by these), with the keys of each in docs/api.md. */
    public static final List<String> SCOPES = List.of(SHARES, PROJECTIONS, FUNDING_PROJECTIONS);
    public static final MarketCriteria ANY = new MarketCriteria(Set.of(), Set.of());
    /** As long as every other filter value may be; keys are a few words. */
    public static final int MAX_KEY_PREFIX_LENGTH = 200;

    public MarketCriteria {
        scopes = Set.copyOf(scopes);
        keyPrefixes = Set.copyOf(keyPrefixes);
    }

    /** @param scopes as a subscriber gave them, checked with {@link #scopeProblem} */
    public static MarketCriteria of(Collection<String> scopes, Collection<String> keyPrefixes) {
        return new MarketCriteria(Set.copyOf(scopes.stream().map(MarketCriteria::scope).toList()),
                Set.copyOf(keyPrefixes));
    }

    public boolean matches(MarketRecomputed event) {
        return (scopes.isEmpty() || scopes.stream().anyMatch(scope -> covers(scope, event.scope())))
                && (keyPrefixes.isEmpty() || event.changes() != null && event.changes().stream()
                        .anyMatch(change -> change.key() != null && keyPrefixes.stream().anyMatch(change.key()::startsWith)));
    }

    private static boolean covers(String scope, @Nullable String published) {
        return published != null && (published.equals(scope) || published.startsWith(scope + "."));
    }

    /** A scope as it is stored and compared: scope names are lower case, so case does not matter on the way in. */
    public static String scope(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /** @return what is wrong with a scope filter value, or null when it names a scope market-service publishes */
    public static @Nullable String scopeProblem(String value) {
        return SCOPES.contains(scope(value)) ? null : "'" + value + "' is not a scope of market.recomputed: one of "
                + SCOPES + "; a scope covers the scopes under it";
    }

    /** @return what is wrong with a key prefix filter value, or null when it is one */
    public static @Nullable String keyPrefixProblem(String value) {
        return value.isEmpty() || value.isBlank() || value.length() > MAX_KEY_PREFIX_LENGTH
                ? "must be the start of a key of 1 to " + MAX_KEY_PREFIX_LENGTH + " characters, such as layer." : null;
    }
}
