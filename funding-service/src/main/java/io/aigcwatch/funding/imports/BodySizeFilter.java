package io.aigcwatch.funding.imports;

import io.aigcwatch.kit.problem.Problem;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * The server's own limit (micronaut.server.max-request-size) is raised to the import's bound, since an import file
 * streams through it; every other body keeps the suite's 64 KB bound, refused here by its declared length before it
 * is read. A body of undeclared length elsewhere is still cut at micronaut.server.max-request-buffer-size once
 * buffered, and its fields are bounded by their checks.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class BodySizeFilter {
    private final ImportsConfig config;

    BodySizeFilter(ImportsConfig config) {
        this.config = config;
    }

    @RequestFilter
    @Nullable
    HttpResponse<Problem> refuseLargeBodies(HttpRequest<?> request) {
        if (request.getContentLength() <= config.otherBodyMaxBytes() || request.getPath().equals(ImportsController.BASE)) {
            return null;
        }
        ProblemException tooLarge = new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body-too-large",
                "the body is larger than " + config.otherBodyMaxBytes() + " bytes");
        return HttpResponse.<Problem>status(tooLarge.status()).body(tooLarge.toProblem(request.getPath()))
                .contentType(Problem.MEDIA_TYPE);
    }
}
