package io.aigcwatch.kit.problem;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Produces(Problem.MEDIA_TYPE)
@Singleton
final class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(exception.status())
                .body(exception.toProblem(request.getPath()))
                .contentType(Problem.MEDIA_TYPE);
        return exception.link() == null ? response : response.header(HttpHeaders.LINK, exception.link());
    }
}
