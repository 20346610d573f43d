package io.aigcwatch.gateway.stream;

/**
 * One record of a streamed topic that clients may be sent, read once and shared by every subscriber it goes to.
 *
 * @param cloudEvent the CloudEvent exactly as its service published it; what a client receives as {@code data}
 * @param source     its CloudEvents source, for filtering
 * @param data       its data, for filtering
 * @param position   the stream's position right after this record: its SSE id
 */
record PublishedEvent<T>(int partition, long offset, String cloudEvent, String source, T data,
                         StreamPosition position) {
}
