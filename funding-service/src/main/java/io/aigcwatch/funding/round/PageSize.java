package io.aigcwatch.funding.round;

import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;

/** How many rounds a page holds: what a client asks for within the bounds, and what an export reads at a time. */
final class PageSize {
    static final int DEFAULT = 50;
    static final int MAX = 500;
    /** An export streams pages of this size, so that one of any length never sits whole in memory. */
    static final int EXPORT = 500;

    private PageSize() {
    }

    static int requested(@Nullable Integer limit) {
        int size = limit == null ? DEFAULT : limit;
        if (size < 1 || size > MAX) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX);
        }
        return size;
    }
}
