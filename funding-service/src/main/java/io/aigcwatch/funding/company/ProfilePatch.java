package io.aigcwatch.funding.company;

import io.aigcwatch.events.CompanyNames;
import io.aigcwatch.events.Layer;
import io.aigcwatch.kit.limits.FieldChecks;
import io.aigcwatch.kit.limits.InputLimits;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JSON merge patch (RFC 7396) of a company profile into the values it sets, checked as every other input:
 * a value of the wrong JSON type is a 400, a bad value of the right type or a field that cannot be edited a 422
 * naming each field. A null removes an optional field; name, country and layer cannot be removed.
 */
@Singleton
class ProfilePatch {
    static final Set<String> FIELDS = Set.of("name", "localName", "aliases", "country", "layer", "segments",
            "foundedOn", "headquarters", "website");
    private static final Set<String> LISTS = Set.of("aliases", "segments");
    private static final Set<String> REQUIRED = Set.of("name", "country", "layer");

    private final CompanyValidator validator;
    private final CompanyRegistry registry;
    private final InputLimits limits;
    private final Clock clock;

    ProfilePatch(CompanyValidator validator, CompanyRegistry registry, InputLimits limits, Clock clock) {
        this.validator = validator;
        this.registry = registry;
        this.limits = limits;
        this.clock = clock;
    }

    /** The profile as the patch leaves it; unchanged fields keep the current values. */
    Company apply(Company current, @Nullable JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "malformed-body",
                    "the body must be a JSON object (a JSON merge patch of the company profile)");
        }
        Map<String, JsonNode> given = new LinkedHashMap<>();
        FieldChecks checks = new FieldChecks();
        for (Map.Entry<String, JsonNode> entry : patch.entries()) {
            String field = entry.getKey();
            if (!FIELDS.contains(field)) {
                checks.add(field, "is not a field of a company profile that can be edited; editable: "
                        + String.join(", ", FIELDS.stream().sorted().toList())
                        + ("status".equals(field) ? " (a status is recorded with POST status-events)" : ""));
                continue;
            }
            requireType(field, entry.getValue());
            given.put(field, entry.getValue());
        }
        String name = given.containsKey("name") ? name(given.get("name"), checks) : current.name();
        String localName = given.containsKey("localName")
                ? cleanOptional("localName", text(given.get("localName")), checks) : current.localName();
        List<String> aliases = given.containsKey("aliases") ? aliases(given.get("aliases"), checks) : current.aliases();
        String country = given.containsKey("country")
                ? CompanyValidator.country("country", required("country", given.get("country"), checks), checks)
                : current.country();
        Layer layer = given.containsKey("layer")
                ? checks.enumValue("layer", required("layer", given.get("layer"), checks), Layer.class)
                : current.layer();
        List<String> segments = given.containsKey("segments")
                ? validator.segments("segments", strings(given.get("segments")), checks) : current.segments();
        LocalDate foundedOn = given.containsKey("foundedOn") ? foundedOn(text(given.get("foundedOn")), checks)
                : current.foundedOn();
        String headquarters = given.containsKey("headquarters")
                ? checks.optionalText("headquarters", text(given.get("headquarters")), limits.maxNameLength())
                : current.headquarters();
        String website = given.containsKey("website") ? website(text(given.get("website")), checks)
                : current.website();
        checks.throwIfAny();
        String normalizedName = name == null ? current.normalizedName() : CompanyNames.key(name);
        return new Company(current.id(), name, normalizedName, localName, country, layer, segments,
                current.createdAt(), aliases, foundedOn, headquarters, website, current.status(),
                current.statusSince(), current.version(), current.updatedAt());
    }

    /** A string field takes a string or null; a list field an array of strings or null. Anything else is a 400. */
    private static void requireType(String field, JsonNode value) {
        boolean fits = value.isNull() || (LISTS.contains(field)
                ? value.isArray() && allStrings(value)
                : value.isString());
        if (!fits) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "malformed-body", field + " must be "
                    + (LISTS.contains(field) ? "an array of strings" : "a string") + " or null");
        }
    }

    private static boolean allStrings(JsonNode array) {
        for (JsonNode item : array.values()) {
            if (!item.isString()) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable String text(JsonNode value) {
        return value.isNull() ? null : value.getStringValue();
    }

    private static @Nullable List<String> strings(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        value.values().forEach(item -> items.add(item.getStringValue()));
        return items;
    }

    private static @Nullable String required(String field, JsonNode value, FieldChecks checks) {
        if (value.isNull() && REQUIRED.contains(field)) {
            checks.add(field, "cannot be removed; send a new value");
            return null;
        }
        return text(value);
    }

    private @Nullable String name(JsonNode value, FieldChecks checks) {
        String given = required("name", value, checks);
        if (given == null) {
            return null;
        }
        String clean = cleanOptional("name", given, checks);
        if (clean == null && !checks.hasErrors()) {
            checks.add("name", "must have a visible character");
        }
        return clean;
    }

    /** Cleaned as names are stored ({@link CompanyNames#clean}), so a local name or alias compares as names do. */
    private @Nullable String cleanOptional(String field, @Nullable String text, FieldChecks checks) {
        try {
            return registry.cleanName(field, text);
        } catch (ProblemException tooLong) {
            checks.add(field, "must be at most " + limits.maxNameLength() + " characters once normalised (NFKC)");
            return null;
        }
    }

    private List<String> aliases(JsonNode value, FieldChecks checks) {
        List<String> given = checks.list("aliases", strings(value), limits.maxSegments());
        List<String> clean = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String alias = cleanOptional("aliases[" + i + "]", given.get(i), checks);
            if (alias == null) {
                if (given.get(i) != null && CompanyNames.clean(given.get(i)).isEmpty()) {
                    checks.add("aliases[" + i + "]", "must have a visible character");
                }
                continue;
            }
            if (keys.add(CompanyNames.key(alias))) {
                clean.add(alias);
            }
        }
        return List.copyOf(clean);
    }

    private @Nullable LocalDate foundedOn(@Nullable String text, FieldChecks checks) {
        LocalDate date = checks.date("foundedOn", text);
        if (date != null && date.isAfter(LocalDate.now(clock))) {
            checks.add("foundedOn", "must not be in the future");
            return null;
        }
        return date;
    }

    private @Nullable String website(@Nullable String text, FieldChecks checks) {
        String given = checks.optionalText("website", text, limits.maxTextLength());
        if (given == null) {
            return null;
        }
        try {
            URI uri = new URI(given);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return given;
            }
        } catch (URISyntaxException notAUri) {
            // reported below, as every other bad website
        }
        checks.add("website", FieldChecks.quoted(given) + " is not an http or https URL with a host");
        return null;
    }
}
