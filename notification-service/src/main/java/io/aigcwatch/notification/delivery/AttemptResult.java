package io.aigcwatch.notification.delivery;

import io.micronaut.core.annotation.Nullable;

/**
 * How one attempt went.
 *
 * @param httpStatus the receiver's status; null when it never answered
 * @param error      why the attempt failed; null when it succeeded
 */
record AttemptResult(@Nullable Integer httpStatus, @Nullable String error) {
    private static final int MAX_ERROR_LENGTH = 500;

    static AttemptResult answered(int httpStatus) {
        boolean ok = httpStatus >= 200 && httpStatus < 300;
        return new AttemptResult(httpStatus, ok ? null : "the receiver answered " + httpStatus);
    }

    static AttemptResult failed(String error) {
        return new AttemptResult(null, error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error);
    }

    boolean succeeded() {
        return error == null;
    }
}
