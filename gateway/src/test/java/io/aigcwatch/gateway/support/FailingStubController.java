package io.aigcwatch.gateway.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;

/**
 * Paths that fail on purpose, and count their calls in {@link StubCalls}. Each test uses its own {@code key}, so that
 * tests sharing one stub do not count each other's calls.
 */
@Requires(property = StubService.ENABLED, value = "true")
@Controller("/companies")
final class FailingStubController {
    private final StubCalls calls;

    FailingStubController(StubCalls calls) {
        this.calls = calls;
    }

    /** 503 for the first {@code failures} calls of a key, then 200: a service that is briefly unavailable. */
    @Get("/flaky/{key}/{failures}")
    HttpResponse<String> flaky(String key, int failures, HttpRequest<?> request) {
        int call = calls.received(request.getPath());
        return call <= failures
                ? HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body("{\"attempt\":" + call + "}")
                : HttpResponse.ok("{\"attempt\":" + call + "}");
    }

    /** Always 503, whatever is posted. */
    @Post("/unavailable/{key}")
    HttpResponse<String> unavailable(String key, HttpRequest<?> request, @Body String body) {
        calls.received(request.getPath());
        return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE).body("{\"posted\":true}");
    }

    /** Always 500: a broken service, which the breaker must stop calling. */
    @Get("/broken/{key}")
    HttpResponse<String> broken(String key, HttpRequest<?> request) {
        calls.received(request.getPath());
        return HttpResponse.status(HttpStatus.INTERNAL_SERVER_ERROR).body("{\"broken\":true}");
    }

    /** Always 404: the client's mistake, which must never open the breaker. */
    @Get("/missing/{key}")
    HttpResponse<String> missing(String key, HttpRequest<?> request) {
        calls.received(request.getPath());
        return HttpResponse.status(HttpStatus.NOT_FOUND).body("{\"missing\":true}");
    }
}
