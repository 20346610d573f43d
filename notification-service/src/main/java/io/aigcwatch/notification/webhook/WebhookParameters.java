package io.aigcwatch.notification.webhook;

import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The path and query parameters of {@code /webhooks}, checked before anything is looked up: out of bounds is a 422
 * naming the parameter, whose answer never echoes what was sent.
 */
final class WebhookParameters {
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 200;
    /** A UUID in its canonical form: the only kind of id this API hands out. */
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    /** No page size has more digits; a longer value is refused before it is parsed. */
    private static final int MAX_LIMIT_DIGITS = 3;

    private WebhookParameters() {
    }

    static UUID id(String id) {
        if (id.length() != 36 || !ID.matcher(id).matches()) {
            throw ProblemException.invalid("id", "must be a webhook id, a UUID such as 3f1c4a52-8d7e-4b0f-9a61-2c5e7d9b1a04");
        }
        return UUID.fromString(id);
    }

    static int limit(@Nullable String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT_PAGE;
        }
        if (limit.length() <= MAX_LIMIT_DIGITS && limit.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int size = Integer.parseInt(limit);
            if (size >= 1 && size <= MAX_PAGE) {
                return size;
            }
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_PAGE);
    }
}
