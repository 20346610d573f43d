package io.aigcwatch.funding.taxonomy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One of the report's three layers of players, as V10 stores it. */
@MappedEntity("taxonomy_layer")
record TaxonomyLayer(@Id String code, int position, String labelZh, String labelEn, @Nullable Integer sourceLine) {
}
