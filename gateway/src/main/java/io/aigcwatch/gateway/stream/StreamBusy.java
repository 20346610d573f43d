package io.aigcwatch.gateway.stream;

import io.aigcwatch.gateway.access.ProblemResponses;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.time.Duration;

/** A stream refused for want of room (a cap on streams or catch-ups), which a client may retry after a while. */
final class StreamBusy extends ProblemException {
    private final Duration retryAfter;

    StreamBusy(HttpStatus status, String type, String detail, Duration retryAfter) {
        super(status, type, detail);
        this.retryAfter = retryAfter;
    }

    MutableHttpResponse<?> response(HttpRequest<?> request) {
        return ProblemResponses.of(this, request)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }
}
