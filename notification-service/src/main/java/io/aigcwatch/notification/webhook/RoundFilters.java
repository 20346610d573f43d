package io.aigcwatch.notification.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.funding.RoundCriteria;
import io.aigcwatch.events.funding.RoundType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * Which new rounds a round alert wants, as it is stored and shown; {@link RoundCriteria} says what matches, the same
 * as for the gateway's round stream.
 *
 * @param companies company ids or names, as given
 * @param investors investor ids or names, as given
 * @param countries ISO 3166-1 alpha-2 codes, upper case
 * @param segments  taxonomy codes, upper case
 * @param includeImported whether rounds a bulk import recorded alert too; false unless asked, and false for a
 *                  filter stored before it existed (the column is jsonb, so it needs no migration)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RoundFilters(List<String> companies, List<String> investors, List<String> countries, List<Layer> layers,
                           List<String> segments, List<RoundType> roundTypes, @Nullable BigDecimal minUsd,
                           boolean includeImported) {

    static final RoundFilters NONE = new RoundFilters(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            null, false);

    public RoundFilters {
        companies = companies == null ? List.of() : List.copyOf(companies);
        investors = investors == null ? List.of() : List.copyOf(investors);
        countries = countries == null ? List.of() : List.copyOf(countries);
        layers = layers == null ? List.of() : List.copyOf(layers);
        segments = segments == null ? List.of() : List.copyOf(segments);
        roundTypes = roundTypes == null ? List.of() : List.copyOf(roundTypes);
    }

    RoundCriteria criteria() {
        return RoundCriteria.of(companies, investors, countries, layers, segments, roundTypes, minUsd,
                includeImported);
    }
}
