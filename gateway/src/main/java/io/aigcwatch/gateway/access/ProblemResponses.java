package io.aigcwatch.gateway.access;

import io.aigcwatch.kit.problem.Problem;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;

/**
 * A refusal answered by a filter itself rather than thrown, so that it passes back out through the filters before
 * it (the request id) like any other response.
 */
public final class ProblemResponses {
    private ProblemResponses() {
    }

    public static MutableHttpResponse<Problem> of(ProblemException problem, HttpRequest<?> request) {
        return HttpResponse.<Problem>status(problem.status())
                // the path as the client wrote it: an instance is a URI reference, so it stays percent-encoded
                .body(problem.toProblem(request.getUri().getRawPath()))
                .contentType(Problem.MEDIA_TYPE);
    }
}
