package io.aigcwatch.market.recompute;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** The values of one scope that were last published, as a JSON object of decimals by key. */
@MappedEntity("output_baseline")
record OutputBaseline(@Id String scope, String published) {
}
