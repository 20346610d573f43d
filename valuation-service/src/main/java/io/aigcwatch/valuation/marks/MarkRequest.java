package io.aigcwatch.valuation.marks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /valuation-marks}.
 *
 * @param listedAs what the source called the company, such as UNICORN; kept so that a disagreement between the
 *                 label and the figure can be shown
 */
@Serdeable
record MarkRequest(@Nullable Company company, @Nullable Money valuation, @Nullable LocalDate asOf,
                   @Nullable String basis, @Nullable String source, @Nullable String listedAs) {

    @Serdeable
    record Company(@Nullable String name, @Nullable String localName, @Nullable String country,
                   @Nullable String layer, @Nullable List<String> segments) {
    }

    @Serdeable
    record Money(@Nullable BigDecimal value, @Nullable String currency) {
    }
}
