package io.aigcwatch.kit.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Produces(Problem.MEDIA_TYPE)
@Singleton
final class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
        return HttpResponse.<Problem>status(exception.status())
                .body(exception.toProblem(request.getPath()))
                .contentType(Problem.MEDIA_TYPE);
    }
}
