package io.aigcwatch.valuation.ledger;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One valuation.changed event as the change log keeps it; its seq is the cursor of the next page. */
@MappedEntity("valuation_change")
public record ChangeLogEntry(@Id long seq, String payload) {
}
