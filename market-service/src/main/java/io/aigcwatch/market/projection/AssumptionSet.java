package io.aigcwatch.market.projection;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One stored version of the projection inputs, as JSON. */
@MappedEntity("assumption_set")
record AssumptionSet(@Id long version, String body) {
}
