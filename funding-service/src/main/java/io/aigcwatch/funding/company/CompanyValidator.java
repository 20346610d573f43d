package io.aigcwatch.funding.company;

import io.aigcwatch.events.Layer;
import io.aigcwatch.funding.taxonomy.Taxonomy;
import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.limits.InputLimits;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What makes a company valid, checked alike for a round's company and for a company registered on its own. */
@Singleton
public class CompanyValidator {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final InputLimits limits;
    private final Taxonomy taxonomy;

    CompanyValidator(InputLimits limits, Taxonomy taxonomy) {
        this.limits = limits;
        this.taxonomy = taxonomy;
    }

    /** A company as another service registers one, by name, country and layer; an id in the body is ignored. */
    public CompanyRef validateRegistration(@Nullable CompanyInput input) {
        FieldChecks checks = new FieldChecks();
        CompanyRef company = check(input == null ? null : new CompanyInput(null, input.name(), input.localName(),
                input.country(), input.layer(), input.segments()), checks);
        checks.throwIfAny();
        return company;
    }

    /** A round's company, by id or by name; what is wrong is noted in {@code checks} under {@code company.}. */
    public @Nullable CompanyRef check(@Nullable CompanyInput input, FieldChecks checks) {
        if (input == null) {
            checks.add("company", "is required: give its id, or its name, country and layer");
            return null;
        }
        String localName = checks.optionalText("company.localName", input.localName(), limits.maxNameLength());
        List<String> segments = segments("company.segments", input.segments(), checks);
        if (input.id() != null) {
            return new CompanyRef(input.id(), null, localName, null, null, segments);
        }
        String name = checks.requiredText("company.name", input.name(), limits.maxNameLength());
        String country = country("company.country", input.country(), checks);
        Layer layer = checks.enumValue("company.layer", input.layer(), Layer.class);
        return new CompanyRef(null, name, localName, country, layer, segments);
    }

    /** An ISO 3166-1 alpha-2 code, upper-cased; {@code field} names it in the 422. */
    static @Nullable String country(String field, @Nullable String country, FieldChecks checks) {
        if (country == null || country.isBlank()) {
            checks.add(field, "is required: an ISO 3166-1 alpha-2 code such as CN or US");
            return null;
        }
        String code = country.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            checks.add(field, FieldChecks.quoted(country) + " is not an ISO 3166-1 alpha-2 country code");
            return null;
        }
        return code;
    }

    /**
     * A company's segments, for a round's company and a profile edit alike: the one check of segments, each a code of
     * the report's taxonomy.
     */
    List<String> segments(String field, @Nullable List<String> given, FieldChecks checks) {
        List<String> segments = checks.list(field, given, limits.maxSegments());
        List<String> bounded = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            // a bad length is refused as such, and not also as an unknown code
            bounded.add(checks.requiredText(field + "[" + i + "]", segments.get(i), limits.maxWordLength()));
        }
        return taxonomy.check(field, bounded, checks);
    }
}
