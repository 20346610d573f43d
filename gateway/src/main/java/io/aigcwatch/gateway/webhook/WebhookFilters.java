package io.aigcwatch.gateway.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aigcwatch.events.Layer;
import io.aigcwatch.events.valuation.ValuationChanged;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Which valuation changes a webhook wants. Every filter that is set must match; an empty list matches everything.
 *
 * @param companies    company ids or names (names compare case-insensitively)
 * @param countries    ISO 3166-1 alpha-2 codes
 * @param layers       the companies' layers
 * @param unicornOnly  only changes where the company is a unicorn before or after (so leaving the unicorns counts)
 * @param minChangePct only changes of at least this many percent either way; a change from or to no valuation at
 *                     all has no percentage and always passes, as the largest change there is
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record WebhookFilters(List<String> companies, List<String> countries, List<Layer> layers, boolean unicornOnly,
                      @Nullable BigDecimal minChangePct) {

    static final WebhookFilters NONE = new WebhookFilters(List.of(), List.of(), List.of(), false, null);

    WebhookFilters {
        companies = companies == null ? List.of() : List.copyOf(companies);
        countries = countries == null ? List.of() : List.copyOf(countries);
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    boolean matches(ValuationChanged change) {
        return matchesCompany(change)
                && (countries.isEmpty() || change.country() != null
                        && countries.contains(change.country().toUpperCase(Locale.ROOT)))
                && (layers.isEmpty() || change.layer() != null && layers.contains(change.layer()))
                && (!unicornOnly || change.statusBefore().counted() || change.statusAfter().counted())
                && (minChangePct == null || change.changePct() == null
                        || change.changePct().abs().compareTo(minChangePct) >= 0);
    }

    private boolean matchesCompany(ValuationChanged change) {
        if (companies.isEmpty()) {
            return true;
        }
        String id = change.companyId().toString();
        return companies.stream().anyMatch(wanted -> wanted.equalsIgnoreCase(id)
                || wanted.equalsIgnoreCase(change.companyName()));
    }
}
