package io.aigcwatch.notification.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.valuation.ChangeCriteria;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * Which valuation changes a webhook wants, as it is stored and shown; {@link ChangeCriteria} says what matches.
 *
 * @param companies company ids or names, as given
 * @param countries ISO 3166-1 alpha-2 codes, upper case
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WebhookFilters(List<String> companies, List<String> countries, List<Layer> layers, boolean unicornOnly,
                      @Nullable BigDecimal minChangePct) {

    static final WebhookFilters NONE = new WebhookFilters(List.of(), List.of(), List.of(), false, null);

    public WebhookFilters {
        companies = companies == null ? List.of() : List.copyOf(companies);
        countries = countries == null ? List.of() : List.copyOf(countries);
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    /** The same criteria a stream connection uses, so a webhook and a stream with equal filters see equal changes. */
    ChangeCriteria criteria() {
        return ChangeCriteria.of(companies, countries, layers, unicornOnly, minChangePct);
    }
}
