package io.aigcwatch.gateway.support;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers like funding-service (and notification-service) would, and tells what it received. Only in
 * {@link StubService}'s context.
 */
@Requires(property = StubService.ENABLED, value = "true")
@Controller
final class StubServiceController {
    @Get("/funding-events/{id}")
    HttpResponse<Echo> read(String id, HttpRequest<?> request) {
        return HttpResponse.ok(echo(request, null))
                .header("ETag", "\"v1\"")
                .header("Link", "</funding-events?cursor=abc>; rel=\"next\", <https://example.org/doc>; rel=\"help\"")
                .header("X-Internal-Detail", "not for clients");
    }

    @Post("/funding-events")
    HttpResponse<Echo> create(HttpRequest<?> request, @Body String body) {
        return HttpResponse.created(echo(request, body))
                .header("Location", "/funding-events/123")
                .header("ETag", "\"v1\"")
                .header("Idempotent-Replayed", "true");
    }

    @Put("/funding-events/{id}")
    @Produces("application/problem+json")
    HttpResponse<String> correct(String id, @Body String body) {
        return HttpResponse.status(HttpStatus.PRECONDITION_FAILED).body(StubService.PRECONDITION_FAILED)
                .contentType("application/problem+json");
    }

    /** Retracting answers with what it saw in a header, since a 204 has no body to echo into. */
    @Delete("/funding-events/{id}")
    HttpResponse<Void> retract(String id, HttpRequest<?> request) {
        return HttpResponse.<Void>noContent()
                .header("X-Request-Id", request.getHeaders().get("X-Request-Id"))
                .header("ETag", "\"retracted-" + id + "-" + request.getHeaders().get("If-Match").replace("\"", "") + "\"");
    }

    /** Reads the upload as funding-service does, a piece at a time, and says how many bytes arrived. */
    @Post(value = "/imports", consumes = {"text/csv", "application/x-ndjson"})
    @io.micronaut.scheduling.annotation.ExecuteOn(io.micronaut.scheduling.TaskExecutors.BLOCKING)
    HttpResponse<Echo> importFile(HttpRequest<?> request, @Body java.io.InputStream body) throws java.io.IOException {
        long bytes = 0;
        byte[] buffer = new byte[8192];
        for (int read; (read = body.read(buffer)) >= 0; ) {
            bytes += read;
        }
        return HttpResponse.<Echo>status(HttpStatus.ACCEPTED).header("Location", "/imports/job-1")
                .body(echo(request, "bytes=" + bytes));
    }

    @Get("/companies")
    HttpResponse<Echo> companies(HttpRequest<?> request) {
        return HttpResponse.ok(echo(request, null));
    }

    /** A valuation-service path, for tests that need one service's answer while another's breaker is open. */
    @Get("/unicorns")
    HttpResponse<Echo> unicorns(HttpRequest<?> request) {
        return HttpResponse.ok(echo(request, null));
    }

    @Get("/companies/slow")
    Mono<HttpResponse<Echo>> slow(HttpRequest<?> request) {
        return Mono.delay(Duration.ofSeconds(3)).map(tick -> HttpResponse.ok(echo(request, null)));
    }

    /** The admin-only writes: echoed, so a test can tell that one got through. */
    @Put("/fx-rates/{currency}/{month}")
    HttpResponse<Echo> amendRate(String currency, String month, HttpRequest<?> request, @Body String body) {
        return HttpResponse.ok(echo(request, body));
    }

    @Put("/market/assumptions")
    HttpResponse<Echo> assumptions(HttpRequest<?> request, @Body String body) {
        return HttpResponse.ok(echo(request, body));
    }

    /** As notification-service answers a registration: where the new webhook lives, and what the stub received. */
    @Post("/webhooks")
    HttpResponse<Echo> registerWebhook(HttpRequest<?> request, @Body String body) {
        return HttpResponse.created(echo(request, body)).header("Location", "/webhooks/0b5e7c1a");
    }

    @Get("/webhooks/{id}/deliveries")
    HttpResponse<Echo> webhookDeliveries(String id, HttpRequest<?> request) {
        return HttpResponse.ok(echo(request, null));
    }

    @Get(value = "/fx-rates", produces = MediaType.TEXT_PLAIN)
    String fxRates() {
        return "EUR,USD,1.08";
    }

    private static Echo echo(HttpRequest<?> request, @Nullable String body) {
        Map<String, String> headers = new TreeMap<>();
        request.getHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        return new Echo(request.getMethodName(), request.getUri().getRawPath(), request.getUri().getRawQuery(), body,
                headers);
    }
}
