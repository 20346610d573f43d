package io.aigcwatch.funding.taxonomy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A code a company's segments may name: a part of a layer, or a part of such a part ({@code parent}). */
@MappedEntity("taxonomy_segment")
record TaxonomySegment(@Id String code, String layer, @Nullable String parent, int position, String labelZh,
                       String labelEn, @Nullable Integer sourceLine, @Nullable String note) {
}
