package io.aigcwatch.gateway.tracecontext;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** W3C Trace Context (https://www.w3.org/TR/trace-context/): which {@code traceparent} is valid, and a new one. */
public final class TraceContext {
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /**
     * version-traceid-parentid-flags in lower-case hex. Version ff is forbidden; a later version than 00 may append
     * fields after a dash, which a version-00 reader ignores.
     */
    private static final Pattern TRACEPARENT_FORMAT =
            Pattern.compile("(?!ff)([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");
    private static final String ZERO_TRACE_ID = "0".repeat(32);
    private static final String ZERO_PARENT_ID = "0".repeat(16);
    /** Not sampled: the gateway records no trace itself, it only makes sure that there is one to join. */
    private static final String FLAGS = "00";

    private TraceContext() {
    }

    public static boolean isValid(String traceparent) {
        if (traceparent == null) {
            return false;
        }
        var parts = TRACEPARENT_FORMAT.matcher(traceparent.trim());
        if (!parts.matches()) {
            return false;
        }
        boolean version00 = parts.group(1).equals("00");
        return !(version00 && parts.group(5) != null)
                && !parts.group(2).equals(ZERO_TRACE_ID) && !parts.group(3).equals(ZERO_PARENT_ID);
    }

    /** A new trace: random trace id and parent id, neither all zeros. */
    public static String start() {
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-" + FLAGS;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(random);
        } while (allZero(random));
        return HexFormat.of().formatHex(random);
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
