package io.aigcwatch.gateway.stream;

import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.http.HttpStatus;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a reader of the change topic stands: for each partition, the offset of the next record it has not seen.
 * It is the SSE event id, so a client that reconnects with it resumes exactly after the last event it got, on
 * whichever gateway instance it reaches: offsets are the topic's, not an instance's.
 *
 * <p>Encoded as {@code partition-offset} pairs joined by dots, such as {@code 0-124.1-457.2-79}, and {@code -} for
 * a reader that stands before the topic exists. Clients treat it as opaque.
 */
record StreamPosition(SortedMap<Integer, Long> nextOffsets) {
    static final StreamPosition BEFORE_TOPIC = new StreamPosition(Map.of());
    private static final String EMPTY = "-";
    /** Far more partitions than the topic has; an id naming more is no id this stream gave out. */
    static final int MAX_PARTITIONS = 64;
    /** Each pair is at most 9 + 1 + 18 characters, and a dot: 1,856, the maxLength public-api.yml documents. */
    static final int MAX_ENCODED_LENGTH = MAX_PARTITIONS * 29;
    private static final Pattern ENCODED = Pattern.compile("\\d{1,9}-\\d{1,18}(\\.\\d{1,9}-\\d{1,18})*");

    StreamPosition {
        nextOffsets = Collections.unmodifiableSortedMap(new TreeMap<>(nextOffsets));
    }

    StreamPosition(Map<Integer, Long> nextOffsets) {
        this(new TreeMap<>(nextOffsets));
    }

    /** @throws ProblemException 400 naming {@code field} when the text is not an id this stream gave out */
    static StreamPosition decode(String encoded, String field) {
        if (EMPTY.equals(encoded)) {
            return BEFORE_TOPIC;
        }
        // the length first, so that the pattern never runs over a header of any size
        if (encoded.length() > MAX_ENCODED_LENGTH || !ENCODED.matcher(encoded).matches()) {
            throw malformed(field, encoded);
        }
        SortedMap<Integer, Long> offsets = new TreeMap<>();
        for (String pair : encoded.split("\\.")) {
            int dash = pair.indexOf('-');
            if (offsets.put(Integer.parseInt(pair.substring(0, dash)), Long.parseLong(pair.substring(dash + 1))) != null) {
                throw malformed(field, encoded);
            }
        }
        if (offsets.size() > MAX_PARTITIONS) {
            throw malformed(field, encoded);
        }
        return new StreamPosition(offsets);
    }

    private static ProblemException malformed(String field, String encoded) {
        String shown = encoded.length() > 100 ? encoded.substring(0, 100) + "..." : encoded;
        return new ProblemException(HttpStatus.BAD_REQUEST, "malformed-last-event-id",
                field + ": '" + shown + "' is not an event id of this stream; reconnect without it to start from now");
    }

    String encode() {
        if (nextOffsets.isEmpty()) {
            return EMPTY;
        }
        return nextOffsets.entrySet().stream().map(entry -> entry.getKey() + "-" + entry.getValue())
                .collect(Collectors.joining("."));
    }

    /** A partition this position does not name was created after it, so all of it is still unread. */
    long nextOffset(int partition) {
        return nextOffsets.getOrDefault(partition, 0L);
    }

    /** How many records lie between this position and a later one: what a reader here has yet to read. */
    long recordsBefore(StreamPosition later) {
        long behind = 0;
        for (Map.Entry<Integer, Long> next : later.nextOffsets.entrySet()) {
            long gap = Math.max(0, next.getValue() - nextOffset(next.getKey()));
            behind = behind + gap < behind ? Long.MAX_VALUE : behind + gap;
        }
        return behind;
    }

    StreamPosition after(int partition, long offset) {
        SortedMap<Integer, Long> advanced = new TreeMap<>(nextOffsets);
        advanced.put(partition, offset + 1);
        return new StreamPosition(advanced);
    }

    @Override
    public String toString() {
        return encode();
    }
}
