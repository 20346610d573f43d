package io.aigcwatch.gateway.stream;

import io.aigcwatch.events.valuation.ValuationChanged;

/**
 * One {@code valuation.changed} record of the topic, read once and shared by every subscriber it goes to.
 *
 * @param cloudEvent the CloudEvent exactly as valuation-service published it; what a client receives as {@code data}
 * @param change     its data, for filtering
 * @param position   the stream's position right after this record: its SSE id
 */
record PublishedChange(int partition, long offset, String cloudEvent, ValuationChanged change, StreamPosition position) {
}
