package io.aigcwatch.gateway.webhook;

import io.aigcwatch.gateway.access.Caller;
import io.aigcwatch.gateway.access.Scope;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URI;
import java.util.List;

/**
 * {@code /api/webhooks}: answered by the gateway itself, not proxied. Blocking (the database, and resolving a URL's
 * host), so off the event loop.
 */
@Controller(WebhookController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
class WebhookController {
    static final String PATH = "/api/webhooks";
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 200;

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @Post
    HttpResponse<WebhookView> register(HttpRequest<?> request, @Body WebhookRequest body) {
        WebhookView created = webhooks.register(owner(request), body);
        return HttpResponse.created(created, URI.create(PATH + "/" + created.id()));
    }

    @Get
    WebhookList list(HttpRequest<?> request) {
        return new WebhookList(webhooks.list(owner(request)));
    }

    @Get("/{id}")
    WebhookView get(HttpRequest<?> request, String id) {
        return webhooks.get(owner(request), id);
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    void delete(HttpRequest<?> request, String id) {
        webhooks.delete(owner(request), id);
    }

    /** Clears FAILING: the webhook gets deliveries again, the held ones first. */
    @Post("/{id}/reactivate")
    WebhookView reactivate(HttpRequest<?> request, String id) {
        return webhooks.reactivate(owner(request), id);
    }

    @Get("/{id}/deliveries")
    DeliveryView.Page deliveries(HttpRequest<?> request, String id, @Nullable @QueryValue String cursor,
                                 @Nullable @QueryValue Integer limit) {
        int size = limit == null ? DEFAULT_PAGE : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        return webhooks.deliveries(owner(request), id, cursor, size);
    }

    /**
     * A webhook belongs to an API key, so an anonymous caller has none to manage; the access filter decides who may
     * reach this at all, and this is the last line if it let one through.
     */
    private static Caller owner(HttpRequest<?> request) {
        Caller caller = Caller.of(request);
        if (caller.isAnonymous()) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "api-key-required",
                    "webhooks belong to an API key: send one in X-API-Key");
        }
        if (!caller.has(Scope.READ) && !caller.has(Scope.ADMIN)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "scope-missing",
                    "managing webhooks needs the read scope (or admin)");
        }
        return caller;
    }

    @Serdeable
    record WebhookList(List<WebhookView> items) {
    }
}
