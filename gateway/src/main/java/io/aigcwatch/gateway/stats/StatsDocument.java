package io.aigcwatch.gateway.stats;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aigcwatch.kit.stats.StatsFilter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The answer of {@code GET /api/stats}. Every part is always named: a part whose service failed is null, listed in
 * {@code degraded}, and {@code degradedReasons} says why.
 *
 * @param degraded        the parts missing from this answer: {@code funding}, {@code unicorns}, {@code market}
 * @param degradedReasons by part: {@code unreachable}, {@code timeout}, {@code circuit-open} (it failed lately and
 *                        was not asked) or {@code failed} (it answered with an error)
 * @param filters         the filters applied, as read (normalised), each null when not given: country and layer
 *                        narrow funding and unicorns, the quarters funding only, nothing narrows market
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
record StatsDocument(@Nullable FundingTotals funding, @Nullable Unicorns unicorns, @Nullable Market market,
                     List<String> degraded, Map<String, String> degradedReasons, StatsFilter filters) {
    static StatsDocument of(Part<FundingTotals> funding, Part<Unicorns> unicorns, Part<Market> market,
                            StatsFilter filters) {
        List<String> degraded = new ArrayList<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        Stream.of(funding, unicorns, market).filter(Part::isMissing).forEach(part -> {
            degraded.add(part.name());
            reasons.put(part.name(), part.failure());
        });
        return new StatsDocument(funding.value(), unicorns.value(), market.value(), degraded, reasons, filters);
    }

    /**
     * @param count              how many companies are at or above USD 1B now
     * @param totalValuationUsd  their current valuations added up
     * @param top                the largest ten, largest first
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Unicorns(int count, BigDecimal totalValuationUsd, List<Unicorn> top) {
    }

    /** An item of valuation-service's {@code /unicorns}, as its {@code /unicorn-stats} names the largest ten. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Unicorn(UUID companyId, String name, @Nullable String localName, @Nullable String country,
                   @Nullable String layer, BigDecimal usd, LocalDate asOf, String basis, String status,
                   @Nullable LocalDate joinedOn) {
    }

    /**
     * @param size2030   the projected market size in 2030
     * @param sharesYear the year whose revenue-model shares are shown: this year, held within the projection's years
     * @param shares     percent by revenue model in {@code sharesYear}, summing to 100
     * @param warnings   the projection's warnings, and a note when {@code sharesYear} is not this year
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Market(String scenario, long assumptionsVersion, Size size2030, int sharesYear,
                  Map<String, BigDecimal> shares, List<String> warnings) {
        static final int FIRST_YEAR = 2023;
        static final int LAST_YEAR = 2030;

        /** @throws IllegalArgumentException when the projection lacks 2030 or this year, which makes the part missing */
        static Market of(MarketProjection projection, int thisYear) {
            int sharesYear = Math.max(FIRST_YEAR, Math.min(LAST_YEAR, thisYear));
            List<String> warnings = new ArrayList<>(projection.warnings());
            if (sharesYear != thisYear) {
                warnings.add("shares are of " + sharesYear + ": this year, " + thisYear + ", lies outside the "
                        + "projection's " + FIRST_YEAR + "-" + LAST_YEAR);
            }
            MarketProjection.Year last = year(projection, LAST_YEAR);
            return new Market(projection.scenario(), projection.assumptionsVersion(),
                    new Size(last.sizeCny(), last.sizeUsd()), sharesYear, year(projection, sharesYear).shares(),
                    warnings);
        }

        private static MarketProjection.Year year(MarketProjection projection, int year) {
            return projection.years().stream().filter(candidate -> candidate.year() == year).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the projection has no year " + year));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Size(BigDecimal cny, BigDecimal usd) {
    }
}
