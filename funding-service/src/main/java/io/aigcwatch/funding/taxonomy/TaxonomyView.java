package io.aigcwatch.funding.taxonomy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * {@code GET /api/taxonomy}: the report's layers, each with the segment codes a company may carry. A segment with a
 * {@code parent} is a finer part of it; {@code sourceLine} is the line of the report's copy that names it.
 */
@Serdeable
record TaxonomyView(String source, List<Layer> layers) {

    @Serdeable
    record Layer(String code, String labelZh, String labelEn, @Nullable Integer sourceLine, List<Segment> segments) {
    }

    @Serdeable
    record Segment(String code, @Nullable String parent, String labelZh, String labelEn, @Nullable Integer sourceLine,
                   @Nullable String note) {
    }
}
