package io.aigcwatch.funding.round;

import java.util.Arrays;

/** RFC 9110 If-Match, strong comparison: {@code *}, or a list of entity tags of which one must be current. */
final class EntityTags {
    private EntityTags() {
    }

    static boolean matches(String ifMatch, String current) {
        String trimmed = ifMatch.trim();
        if (trimmed.equals("*")) {
            return true;
        }
        return Arrays.stream(trimmed.split(","))
                .map(String::trim)
                .anyMatch(current::equals);
    }
}
