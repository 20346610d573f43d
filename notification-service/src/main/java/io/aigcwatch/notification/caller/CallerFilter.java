package io.aigcwatch.notification.caller;

import io.aigcwatch.kit.problem.Problem;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Optional;

/**
 * Every webhook belongs to an API key, so the API answers only requests on which the gateway named one; a caller
 * without a key gets 401. It runs after service-kit's internal-credential filter, which has already refused (403)
 * every request that did not come from the gateway: the caller headers here are the gateway's word.
 */
@ServerFilter("/webhooks/**")
final class CallerFilter {

    @RequestFilter
    @Nullable
    HttpResponse<Problem> identify(HttpRequest<?> request) {
        Optional<Caller> caller = Caller.from(request.getHeaders());
        if (caller.isEmpty()) {
            ProblemException problem = new ProblemException(HttpStatus.UNAUTHORIZED, "api-key-required",
                    "webhooks belong to an API key: send one in X-API-Key");
            return HttpResponse.<Problem>status(problem.status())
                    .body(problem.toProblem(request.getUri().getRawPath()))
                    .contentType(Problem.MEDIA_TYPE);
        }
        request.setAttribute(Caller.ATTRIBUTE, caller.get());
        return null;
    }
}
