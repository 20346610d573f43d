package io.aigcwatch.events.funding;

import io.aigcwatch.events.CompanyNames;
import io.aigcwatch.events.Layer;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which new rounds a subscriber wants, the same for a stream connection ({@code GET /api/stream/rounds}) and for a
 * round alert (a webhook of {@code NEW_ROUNDS}): the one place that says whether a round matches. Every criterion
 * that is set must hold; one that lists several values holds for any of them; none at all passes every round.
 *
 * @param companies  company ids or names (English or local); names compare as {@link CompanyNames#key}
 * @param investors  investor ids; a filter may name an investor by name, which is read as the id of that name
 *                   ({@link InvestorIds#of}), so a name and an id of one investor are the same filter
 * @param countries  ISO 3166-1 alpha-2 codes
 * @param segments   codes of the report's taxonomy ({@code GET /api/taxonomy}), upper case; any one of the company's
 * @param roundTypes the round's type
 * @param minUsd     only rounds of at least this many USD. An approximate amount counts at its point figure or, without
 *                   one, the middle of its range, as funding-service's own totals count it; an undisclosed amount
 *                   never passes a minimum, since nothing says it reaches it
 * @param includeImported whether rounds a bulk import recorded count too ({@link FundingEventSources#isImport}). Off
 *                   unless asked: an analyst wants rounds as they are recorded, not a back catalogue of a million
 *                   being loaded, one alert or event each
 */
public record RoundCriteria(Set<String> companies, Set<UUID> investors, Set<String> countries, Set<Layer> layers,
                            Set<String> segments, Set<RoundType> roundTypes, @Nullable BigDecimal minUsd,
                            boolean includeImported) {
    /** Every round recorded one by one; no imported one. */
    public static final RoundCriteria ANY = new RoundCriteria(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
            Set.of(), null, false);
    /** The longest company or investor id or name a filter holds: the registry's bound on a name. */
    public static final int MAX_NAME_LENGTH = 200;
    /** The longest segment code: funding-service's bound on a single word. */
    public static final int MAX_SEGMENT_LENGTH = 50;
    /** Ten trillion: more than any round raised, so a larger minimum is a typo. */
    public static final BigDecimal MAX_MIN_USD = new BigDecimal("10000000000000");
    /** Amounts are in cents at most. */
    public static final int MIN_USD_DECIMALS = 2;
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    public RoundCriteria {
        companies = companies.stream().map(CompanyNames::key).collect(Collectors.toUnmodifiableSet());
        investors = Set.copyOf(investors);
        countries = countries.stream().map(country -> country.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        layers = Set.copyOf(layers);
        segments = segments.stream().map(segment -> segment.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        roundTypes = Set.copyOf(roundTypes);
    }

    /** @param investors investor ids or names, as a subscriber gave them */
    public static RoundCriteria of(Collection<String> companies, Collection<String> investors,
                                   Collection<String> countries, Collection<Layer> layers, Collection<String> segments,
                                   Collection<RoundType> roundTypes, @Nullable BigDecimal minUsd,
                                   boolean includeImported) {
        return new RoundCriteria(Set.copyOf(companies), investors.stream().map(RoundCriteria::investorId)
                .collect(Collectors.toUnmodifiableSet()), Set.copyOf(countries), Set.copyOf(layers),
                Set.copyOf(segments), Set.copyOf(roundTypes), minUsd, includeImported);
    }

    /** An investor named by its id, or by a name: the id that name has. */
    public static UUID investorId(String idOrName) {
        String value = idOrName.strip();
        return UUID_TEXT.matcher(value).matches() ? UUID.fromString(value) : InvestorIds.of(value);
    }

    /**
     * @param source the CloudEvents {@code source} of the event that announced the round: whether a bulk import
     *               recorded it is part of the question, so no subscriber can forget to ask
     */
    public boolean matches(@Nullable String source, FundingRoundData round) {
        return (includeImported || !FundingEventSources.isImport(source)) && matchesRound(round);
    }

    private boolean matchesRound(FundingRoundData round) {
        CompanyData company = round.company();
        return (companies.isEmpty() || companies.contains(company.id().toString())
                        || companies.contains(CompanyNames.key(company.name()))
                        || company.localName() != null && companies.contains(CompanyNames.key(company.localName())))
                && (investors.isEmpty() || round.investors().stream()
                        .anyMatch(investor -> investors.contains(InvestorIds.of(investor.name()))))
                && (countries.isEmpty() || company.country() != null
                        && countries.contains(company.country().toUpperCase(Locale.ROOT)))
                && (layers.isEmpty() || company.layer() != null && layers.contains(company.layer()))
                && (segments.isEmpty() || company.segments() != null && company.segments().stream()
                        .anyMatch(segment -> segments.contains(segment.toUpperCase(Locale.ROOT))))
                && (roundTypes.isEmpty() || roundTypes.contains(round.round()))
                && (minUsd == null || reaches(round.amount(), minUsd));
    }

    private static boolean reaches(MoneyData amount, BigDecimal minimum) {
        BigDecimal usd = usdOf(amount);
        return usd != null && usd.compareTo(minimum) >= 0;
    }

    /** The USD a round counts as: its point figure, else the middle of its range; null when undisclosed. */
    static @Nullable BigDecimal usdOf(MoneyData amount) {
        if (amount.precision() == AmountPrecision.UNDISCLOSED) {
            return null;
        }
        if (amount.usd() != null) {
            return amount.usd();
        }
        if (amount.usdLow() != null && amount.usdHigh() != null) {
            return amount.usdLow().add(amount.usdHigh()).divide(TWO, 2, RoundingMode.HALF_UP);
        }
        return null;
    }

    /** @return what is wrong with a company or investor filter value, or null when it is an id or a name */
    public static @Nullable String nameProblem(String value) {
        return value.isBlank() || value.strip().length() > MAX_NAME_LENGTH
                ? "must be an id or a name of 1 to " + MAX_NAME_LENGTH + " characters" : null;
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

    /**
     * @return what is wrong with a segment filter value, or null when it is a code of the taxonomy (in any case): a
     * code it lacks would match no round, silently
     */
    public static @Nullable String segmentProblem(String value) {
        String code = value.strip();
        return code.length() <= MAX_SEGMENT_LENGTH && SEGMENT.matcher(code).matches()
                && SegmentCodes.ALL.contains(code.toUpperCase(Locale.ROOT)) ? null
                : "'" + value + "' is not a segment code of GET /api/taxonomy, such as BASE_MODEL";
    }

    /** @return what is wrong with a round type filter value, or null when it names a round type */
    public static @Nullable String roundTypeProblem(String value) {
        return Arrays.stream(RoundType.values()).anyMatch(type -> type.name().equalsIgnoreCase(value.strip())) ? null
                : "'" + value + "' is not one of " + Arrays.toString(RoundType.values());
    }

    public static RoundType roundType(String value) {
        return RoundType.valueOf(value.strip().toUpperCase(Locale.ROOT));
    }

    /** @return what is wrong with a {@code minUsd} threshold, or null when a stream or an alert takes it */
    public static @Nullable String minUsdProblem(BigDecimal value) {
        return value.signum() >= 0 && value.compareTo(MAX_MIN_USD) <= 0
                && value.stripTrailingZeros().scale() <= MIN_USD_DECIMALS ? null
                : "must be an amount in USD from 0 to " + MAX_MIN_USD.toPlainString() + " with at most "
                        + MIN_USD_DECIMALS + " decimals";
    }
}
