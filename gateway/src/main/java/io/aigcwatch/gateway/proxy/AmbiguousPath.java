package io.aigcwatch.gateway.proxy;

import java.util.Locale;
import java.util.Optional;

/**
 * A path that two readers may read as two different paths: the gateway's access check and router on one side, a
 * service (or a proxy between) on the other. An encoded slash or backslash ({@code %2F}, {@code %5C}) is one segment
 * to the gateway and two to a server that decodes before it splits; a dot segment ({@code ..}, {@code %2E%2E},
 * {@code .%2e}) climbs out of the route it was checked under wherever it is resolved. No real resource needs either,
 * so such paths are refused outright instead of being normalised one way and hoped to be read the same way.
 */
final class AmbiguousPath {
    private AmbiguousPath() {
    }

    /** What makes the raw (still percent-encoded) path ambiguous, if anything does. */
    static Optional<String> problem(String rawPath) {
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")) {
            return Optional.of("an encoded slash or a backslash");
        }
        for (String segment : lower.split("/", -1)) {
            String decoded = segment.replace("%2e", ".");
            if (decoded.equals(".") || decoded.equals("..")) {
                return Optional.of("a dot segment ('" + segment + "')");
            }
        }
        return Optional.empty();
    }
}
