package io.aigcwatch.notification.webhook;

import io.aigcwatch.notification.caller.Caller;
import io.aigcwatch.notification.delivery.DeliveryLog;
import io.aigcwatch.notification.delivery.DeliveryView;
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
import java.util.UUID;

/**
 * {@code /webhooks}, public behind the gateway as {@code /api/webhooks}. Blocking (the database, and resolving a URL's
 * host), so off the event loop.
 */
@Controller(WebhookController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
class WebhookController {
    static final String PATH = "/webhooks";

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
        return webhooks.get(owner(request), WebhookParameters.id(id));
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    void delete(HttpRequest<?> request, String id) {
        webhooks.delete(owner(request), WebhookParameters.id(id));
    }

    /** Clears FAILING: the webhook gets deliveries again, the held ones first. */
    @Post("/{id}/reactivate")
    WebhookView reactivate(HttpRequest<?> request, String id) {
        return webhooks.reactivate(owner(request), WebhookParameters.id(id));
    }

    @Get("/{id}/deliveries")
    DeliveryView.Page deliveries(HttpRequest<?> request, String id, @Nullable @QueryValue String cursor,
                                 @Nullable @QueryValue String limit) {
        // each parameter checked before anything is looked up; limit is taken as text so that a malformed one is named
        UUID webhookId = WebhookParameters.id(id);
        int size = WebhookParameters.limit(limit);
        long before = DeliveryLog.before(cursor);
        return webhooks.deliveries(owner(request), webhookId, before, size);
    }

    /**
     * The caller named by the gateway (its CallerFilter refused a request
     * without one). The gateway's access rules decide who may reach this at all; this is the last line if they let
     * a key without the scope through.
     */
    private static Caller owner(HttpRequest<?> request) {
        Caller caller = Caller.of(request);
        if (!caller.has(Caller.READ) && !caller.has(Caller.ADMIN)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "scope-missing",
                    "managing webhooks needs the read scope (or admin)");
        }
        return caller;
    }

    @Serdeable
    record WebhookList(List<WebhookView> items) {
    }
}
