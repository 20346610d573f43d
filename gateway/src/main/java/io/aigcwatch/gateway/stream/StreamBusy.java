package io.aigcwatch.gateway.stream;

import io.aigcwatch.gateway.access.ProblemResponses;
import io.aigcwatch.kit.problem.Problem;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * A stream refused for want of room (a cap on streams or catch-ups), which a client may retry after a while; its
 * {@link Handler} answers it like any problem, with {@code Retry-After}.
 */
final class StreamBusy extends ProblemException {
    private final Duration retryAfter;

    StreamBusy(HttpStatus status, String type, String detail, Duration retryAfter) {
        super(status, type, detail);
        this.retryAfter = retryAfter;
    }

    @Produces(Problem.MEDIA_TYPE)
    @Singleton
    static final class Handler implements ExceptionHandler<StreamBusy, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, StreamBusy busy) {
            return ProblemResponses.of(busy, request)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, busy.retryAfter.toSeconds())));
        }
    }
}
