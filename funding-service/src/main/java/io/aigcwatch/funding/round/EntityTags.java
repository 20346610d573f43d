package io.aigcwatch.funding.round;

import java.util.Arrays;

/** RFC 9110 entity tags of rounds and company profiles: strong, one per version. */
public final class EntityTags {
    private EntityTags() {
    }

    /** The strong ETag of a round's version. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** If-Match, strong comparison: {@code *}, or a list of entity tags of which one must be current. */
    public static boolean matches(String ifMatch, String current) {
        String trimmed = ifMatch.trim();
        if (trimmed.equals("*")) {
            return true;
        }
        return Arrays.stream(trimmed.split(","))
                .map(String::trim)
                .anyMatch(current::equals);
    }
}
